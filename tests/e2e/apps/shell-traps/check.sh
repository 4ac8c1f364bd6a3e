#!/bin/sh
# Reports whether each file the Dockerfile's RUNs produced holds what separate RUNs produce.
pass=0
fail=0
check() { # name expected actual
  if [ "$2" = "$3" ]; then
    pass=$((pass + 1)); echo "ok   $1: $3"
  else
    fail=$((fail + 1)); echo "FAIL $1: expected [$2], got [$3]"
  fi
}
read_file() { if [ -f "$1" ]; then cat "$1"; else echo "<missing $1>"; fi; }
exists() { if [ -e "$1" ]; then echo yes; else echo no; fi; }

check cwd           /work                 "$(read_file /work/cwd.txt)"
check relative      yes                   "$(exists /work/relative.txt)"
check relative-tmp  no                    "$(exists /tmp/relative.txt)"
check env           "unset unset"         "$(read_file /work/env.txt)"
check set-e         after-false           "$(read_file /work/set-e.txt)"
check set-u         "[]"                  "$(read_file /work/set-u.txt)"
check umask         644                   "$(stat -c %a /work/umask.txt 2>/dev/null || echo missing)"
check comment       b                     "$(read_file /work/comment.txt)"
check waited        waited                "$(read_file /work/waited.txt)"
check background    bg                    "$(read_file /work/bg.txt)"
check function      "greet undefined"     "$(read_file /work/func.txt)"
check exit          ran                   "$(read_file /work/exit.txt)"
check path          yes                   "$(exists /work/path.txt)"
check trap          kept                  "$(read_file /work/trap.txt)"
check cd-same-run   in-tmp                "$(read_file /tmp/here.txt)"
check continued     "one two"             "$(read_file /work/continued.txt)"
check exec-form     exec-form             "$(read_file /work/exec.txt)"
check pipefail      pipe-ok               "$(read_file /work/pipe.txt)"
check nullglob      "/nonexistent/*.none" "$(read_file /work/glob.txt)"

total=$((pass + fail))
if [ "$fail" -eq 0 ]; then
  echo "shell-traps: all $total checks ok"
else
  echo "shell-traps: $fail of $total checks failed"
  exit 1
fi
