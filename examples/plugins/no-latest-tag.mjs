// A custom dfmod transform: pin `FROM image` / `FROM image:latest` to a tag you choose.
//
//   dfmod --plugin ./examples/plugins/no-latest-tag.mjs -t pin-latest .            # shows it as a review suggestion
//   dfmod --plugin ./examples/plugins/no-latest-tag.mjs -t pin-latest --level review --write .
//   configuration: { "plugins": ["./no-latest-tag.mjs"], "pin-latest": { "tags": { "node": "20-slim" } } }
//
// A transform is metadata plus `run(context)`, which returns fixes (text edits
// with a reason) and notes (what it saw and left alone, with the reason).
// It never writes files: the engine applies the edits, re-parses, and repeats
// until nothing changes.

/** @type {import('dfmod').Transform} */
export default {
  id: 'pin-latest',
  level: 'review',
  // What its fixes may change: the engine withholds one that changes anything else.
  effects: ['base-image'],
  description: 'Replace an implicit or explicit :latest tag with a configured one',
  rationale: 'A moving tag makes builds unrepeatable: the same Dockerfile builds different images over time.',
  // A review transform: a new base image is a guess. `dfmod --level review` writes it, and this is shown beside it.
  reviewCheck: 'the pinned tag is the image your builds use today (compare `docker image inspect` of both)',
  run({ dockerfile, options }) {
    const tags = options.tags ?? {};
    const fixes = [];
    const notes = [];
    for (const stage of dockerfile.stages) {
      if (stage.parent || stage.image.includes('$') || stage.image.includes('@')) continue;
      const [name, tag] = stage.image.split(/:(?=[^/]*$)/);
      if (tag && tag !== 'latest') continue;
      if (!tags[name]) {
        notes.push({ line: stage.from.line, message: `${name} uses :latest; no tag configured for it` });
        continue;
      }
      // The image is the first argument of FROM: find it after any flags.
      const start = stage.from.argsStart;
      fixes.push({
        line: stage.from.line,
        message: `${name} pinned to :${tags[name]}`,
        edits: [{ start, end: start + stage.image.length, text: `${name}:${tags[name]}` }],
      });
    }
    return { fixes, notes };
  },
};
