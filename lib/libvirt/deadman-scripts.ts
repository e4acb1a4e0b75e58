// The dead-man switch's shell, fixed text: every value reaches it as a
// positional argument ("$1"…), never spliced into the script. POSIX sh only
// (dash on Debian), util-linux setsid, iproute2; no systemd.
//
// Two runners: "ip" feeds each line to `ip -batch` (iproute2 changes), "argv"
// runs each line as one command (ovs-vsctl and ip mixed); an "argv" line is
// built by deadman-argv.ts from an argv whose every word is single-quoted, so
// the shell that runs it only splits it back into those words.
//
// Files in the switch's directory (<runtime dir>/switchyard-deadman/<id>):
//   do.batch, undo.batch   the two inputs (ip -batch lines or command lines), as the plan showed them
//   pid                    the switch's pid (a session and process group leader) while it is armed
//   state                  changing → changed → disarmed | firing → fired; or failed (undone at once)
//   armed-at, changed-at, disarmed-at, fired-at, undone-at   /proc/uptime seconds (one clock, the host's)
//   failed-line, do.err, undo.err, undo.rc                   what went wrong, verbatim

/** Where the switch lives: /run for root, the user's runtime dir otherwise. */
const BASE = `base=/run/switchyard-deadman
if [ "$(id -u)" != 0 ]; then base=\${XDG_RUNTIME_DIR:?no runtime directory (XDG_RUNTIME_DIR) for the dead-man switch}/switchyard-deadman; fi`;

const UPTIME = `up() { read -r u _ < /proc/uptime; echo "$u"; }`;

/** Runs one do line (line.batch) or a whole undo file ($1, every line even past a failure) with the switch's runner. */
const RUNNERS = `run_do() {
  if [ "$runner" = argv ]; then sh line.batch < /dev/null; else ip -batch line.batch; fi
}
run_undo() {
  if [ "$runner" != argv ]; then ip -force -batch "$1"; return; fi
  rc=0
  while IFS= read -r l; do sh -c "$l" < /dev/null || rc=$?; done < "$1"
  return $rc
}`;

/**
 * The switch itself, run detached: $1 its directory, $2 seconds, $3 the runner
 * ("ip" or "argv"). It arms, makes the change line by line (so a failure knows
 * how far it got), and then waits.
 */
export const SWITCH_SCRIPT = `${UPTIME}
${RUNNERS}
cd "$1" || exit 1
secs=$2
runner=$3
echo $$ > pid.tmp && mv pid.tmp pid
up > armed-at
n=$(grep -c '' do.batch)
i=0
while [ "$i" -lt "$n" ]; do
  i=$((i + 1))
  sed -n "\${i}p" do.batch > line.batch
  if ! run_do 2>> do.err; then
    mkdir decided
    echo "$i" > failed-line
    tail -n "$((i - 1))" undo.batch > undo.part
    if [ "$i" -gt 1 ]; then run_undo undo.part 2>> undo.err; echo $? > undo.rc; else echo 0 > undo.rc; fi
    up > undone-at
    echo failed > state
    rm -f pid
    exit 0
  fi
done
up > changed-at
echo changed > state
left=$(awk -v a="$(cat armed-at)" -v c="$(cat changed-at)" -v s="$secs" 'BEGIN { r = s - (c - a); if (r < 0) r = 0; printf "%.2f", r }')
sleep "$left"
if mkdir decided 2> /dev/null; then
  up > firing-at
  echo firing > state
  run_undo undo.batch 2>> undo.err
  echo $? > undo.rc
  up > fired-at
  echo fired > state
fi
rm -f pid
`;

/** Prints key=value lines: the state, the timestamps, the errors (base64, they are multi-line), and the time now. */
const STATUS = `for f in state armed-at changed-at disarmed-at firing-at fired-at undone-at failed-line undo.rc; do
  [ -f "$dir/$f" ] && printf '%s=%s\\n' "$f" "$(cat "$dir/$f")"
done
for f in do.err undo.err; do
  [ -s "$dir/$f" ] && printf '%s=%s\\n' "$f" "$(base64 -w0 < "$dir/$f")"
done
pid=$(cat "$dir/pid" 2> /dev/null || true)
if [ -n "$pid" ] && grep -q sy-deadman "/proc/$pid/cmdline" 2> /dev/null; then echo "alive=$pid"; fi
read -r u _ < /proc/uptime; echo "now=$u"`;

/**
 * $1 id, $2 seconds, $3 do input, $4 undo input, $5 the switch script, $6 the runner.
 * Writes the inputs, starts the switch in its own session (setsid: no SIGHUP
 * when this SSH session ends, outside the session's process group, so the
 * command's timeout cannot reach it either), and waits up to 10 s for the change
 * to end so the answer usually carries its outcome. Prints the status.
 */
export const LAUNCH_SCRIPT = `set -eu
${BASE}
umask 077
mkdir -p "$base"
# Switches whose outcome nobody came back to read (their Switchyard died): swept after a day.
find "$base" -mindepth 1 -maxdepth 1 -type d -mmin +1440 -exec sh -c 'for d; do [ -e "$d/pid" ] || rm -rf "$d"; done' sy-deadman-sweep {} +
dir=$base/$1
mkdir "$dir"
printf '%s\\n' "$3" > "$dir/do.batch"
printf '%s\\n' "$4" > "$dir/undo.batch"
echo changing > "$dir/state"
setsid sh -c "$5" sy-deadman "$dir" "$2" "$6" < /dev/null > /dev/null 2>&1 &
i=0
while [ "$(cat "$dir/state")" = changing ] && [ "$i" -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
set +e
${STATUS}
`;

/** $1 id. The status, without changing anything. */
export const STATUS_SCRIPT = `${BASE}
dir=$base/$1
[ -d "$dir" ] || { echo state=missing; exit 0; }
${STATUS}`;

/**
 * $1 id. Disarms unless the switch has already decided: mkdir is atomic, so
 * the switch firing and this disarm can never both win. Kills the switch's
 * whole process group (the shell and its sleep).
 */
export const DISARM_SCRIPT = `${UPTIME}
${BASE}
dir=$base/$1
[ -d "$dir" ] || { echo state=missing; exit 0; }
# Only a switch that has made its change can be disarmed; one still changing is left to finish.
if [ "$(cat "$dir/state")" = changed ] && mkdir "$dir/decided" 2> /dev/null; then
  pid=$(cat "$dir/pid" 2> /dev/null || true)
  if [ -n "$pid" ] && grep -q sy-deadman "/proc/$pid/cmdline" 2> /dev/null; then kill -TERM "-$pid" 2> /dev/null || true; fi
  i=0
  while [ -n "$pid" ] && [ -e "/proc/$pid" ] && [ "$i" -lt 40 ]; do sleep 0.05; i=$((i + 1)); done
  rm -f "$dir/pid"
  up > "$dir/disarmed-at"
  echo disarmed > "$dir/state"
fi
${STATUS}`;

/** $1 id. Removes the switch's directory once its outcome has been read (never while it is armed). */
export const FORGET_SCRIPT = `${BASE}
dir=$base/$1
[ -e "$dir/pid" ] && { echo "the switch is still armed" >&2; exit 1; }
rm -rf "$dir"`;
