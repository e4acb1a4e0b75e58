const base = "rounded-md px-3 py-1.5 text-sm font-medium disabled:opacity-50";
const plain = `${base} border border-zinc-300 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800`;
const primary = `${base} bg-brand-600 text-white hover:bg-brand-700`;

type Props = { first: boolean; last: boolean; busy: boolean; canFinish: boolean; onBack: () => void; onForward: () => void; onCancel: () => void; onFinish: () => void };

/** virt-manager's buttons, always in the same places; the ones that make no sense on this step are disabled. */
export function WizardButtons({ first, last, busy, canFinish, onBack, onForward, onCancel, onFinish }: Props) {
  return (
    <div className="flex flex-wrap gap-2">
      <button type="button" className={plain} disabled={busy} onClick={onCancel}>Cancel</button>
      <span className="flex-1" />
      <button type="button" className={plain} disabled={busy || first} onClick={onBack}>Back</button>
      <button type="button" className={last ? plain : primary} disabled={busy || last} onClick={onForward}>Forward</button>
      <button type="button" className={last ? primary : plain} disabled={busy || !last || !canFinish} onClick={onFinish}>Finish</button>
    </div>
  );
}
