import { DISARM_SCRIPT, FORGET_SCRIPT, LAUNCH_SCRIPT, STATUS_SCRIPT, SWITCH_SCRIPT } from "./deadman-scripts";

// The dead-man switch as argv: each script is fixed text run by `sh -c`, its
// values passed as arguments, so lib/ssh quotes them like any other argv.

const SWITCH_ID = /^[a-f0-9]{16,32}$/;
export const MIN_SWITCH_SECONDS = 10;
export const MAX_SWITCH_SECONDS = 600;

function id(switchId: string): string {
  if (!SWITCH_ID.test(switchId)) throw new TypeError(`not a switch id: ${JSON.stringify(switchId)}`);
  return switchId;
}

const sh = (name: string, script: string, args: string[]) => ["sh", "-c", script, name, ...args];

/** How the switch runs its lines: "ip" feeds them to `ip -batch`, "argv" runs each as one quoted command (deadman-argv.ts). */
export type SwitchRunner = "ip" | "argv";

export function launchArgv(switchId: string, seconds: number, doInput: string, undoInput: string, runner: SwitchRunner = "ip"): string[] {
  if (!Number.isInteger(seconds) || seconds < MIN_SWITCH_SECONDS || seconds > MAX_SWITCH_SECONDS) throw new TypeError(`switch seconds out of range: ${seconds}`);
  if (runner !== "ip" && runner !== "argv") throw new TypeError(`not a switch runner: ${JSON.stringify(runner)}`);
  return sh("sy-deadman-arm", LAUNCH_SCRIPT, [id(switchId), String(seconds), doInput, undoInput, SWITCH_SCRIPT, runner]);
}
export const statusArgv = (switchId: string) => sh("sy-deadman-status", STATUS_SCRIPT, [id(switchId)]);
export const disarmArgv = (switchId: string) => sh("sy-deadman-disarm", DISARM_SCRIPT, [id(switchId)]);
export const forgetArgv = (switchId: string) => sh("sy-deadman-forget", FORGET_SCRIPT, [id(switchId)]);

export type SwitchState = "changing" | "changed" | "disarmed" | "firing" | "fired" | "failed" | "missing";

export type SwitchStatus = {
  state: SwitchState;
  /** Host uptime seconds (one clock for all of them). */
  armedAt?: number;
  changedAt?: number;
  disarmedAt?: number;
  firingAt?: number;
  firedAt?: number;
  undoneAt?: number;
  now?: number;
  /** 1-based line of the do input that failed. */
  failedLine?: number;
  undoExit?: number;
  doError?: string;
  undoError?: string;
  /** The switch's pid while it still runs. */
  alivePid?: number;
};

const STATES: readonly SwitchState[] = ["changing", "changed", "disarmed", "firing", "fired", "failed", "missing"];

export function parseSwitchStatus(text: string): SwitchStatus {
  const fields = new Map<string, string>();
  for (const line of text.split("\n")) {
    const eq = line.indexOf("=");
    if (eq > 0) fields.set(line.slice(0, eq), line.slice(eq + 1).trim());
  }
  const state = fields.get("state") as SwitchState | undefined;
  if (!state || !STATES.includes(state)) throw new Error(`the dead-man switch reported no state: ${JSON.stringify(text.slice(0, 200))}`);
  const number = (key: string) => {
    const v = fields.get(key);
    return v !== undefined && v !== "" && Number.isFinite(Number(v)) ? Number(v) : undefined;
  };
  const text64 = (key: string) => {
    const v = fields.get(key);
    return v ? Buffer.from(v, "base64").toString("utf8").trim() : undefined;
  };
  const status: SwitchStatus = { state };
  const put = <K extends keyof SwitchStatus>(key: K, value: SwitchStatus[K] | undefined) => {
    if (value !== undefined) status[key] = value;
  };
  put("armedAt", number("armed-at"));
  put("changedAt", number("changed-at"));
  put("disarmedAt", number("disarmed-at"));
  put("firingAt", number("firing-at"));
  put("firedAt", number("fired-at"));
  put("undoneAt", number("undone-at"));
  put("now", number("now"));
  put("failedLine", number("failed-line"));
  put("undoExit", number("undo.rc"));
  put("doError", text64("do.err"));
  put("undoError", text64("undo.err"));
  put("alivePid", number("alive"));
  return status;
}
