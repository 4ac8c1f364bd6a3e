/** dfmod's facts about images, OS releases, init packages and package managers. */
export * from './tags.js';
export * from './releases.js';
export * from './images.js';
export * from './packages.js';
export * from './package-managers.js';
export * from './languages.js';
export * from './programs.js';
export * from './shells.js';
