import Link from "next/link";
import { getCurrentOperator } from "@/lib/auth/current-operator";

const features = [
  ["Every host, one place", "Register KVM hosts over SSH with pinned host keys and see each one's networks and guests."],
  ["Networks the virt-manager way", "Create isolated, NAT, routed and open networks with the wizard operators already know."],
  ["See before you change", "Each change shows the exact XML and virsh commands first, applies step by step, and rolls back on failure."],
  ["Live topology", "NICs, bridges, networks, taps and VMs as one graph that follows libvirt's own events."],
];

export default async function Home() {
  const operator = await getCurrentOperator();
  return (
    <div className="space-y-10">
      <section className="space-y-4">
        <h1 className="text-3xl font-semibold tracking-tight">Switchyard</h1>
        <p className="max-w-2xl text-lg text-zinc-600 dark:text-zinc-400">
          A web console for libvirt virtual networks, for operators who run KVM hosts. It talks to your
          hypervisors over SSH and drives <code>virsh</code> and <code>ip</code> for you, showing every
          command before it runs.
        </p>
        <Link href={operator ? "/hosts" : "/login"} className="inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          {operator ? "Go to hosts" : "Sign in"}
        </Link>
      </section>
      <section className="grid gap-4 sm:grid-cols-2">
        {features.map(([title, text]) => (
          <article key={title} className="rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-950">
            <h2 className="font-medium">{title}</h2>
            <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{text}</p>
          </article>
        ))}
      </section>
    </div>
  );
}
