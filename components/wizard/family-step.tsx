"use client";

import { useFormContext } from "react-hook-form";
import { defaultDhcpFor, gatewayAndType, type WizardValues } from "@/lib/domain/network";
import { CheckField, TextField } from "./field";
import type { StepProps } from "./step-props";

type Family = "ipv4" | "ipv6";
const TEXT = {
  ipv4: { enable: "Enable IPv4 network address space definition", dhcp: "Enable DHCPv4", edited: "ipv4Dhcp" },
  ipv6: { enable: "Enable IPv6 network address space definition", dhcp: "Enable DHCPv6", edited: "ipv6Dhcp" },
} as const;

/** Steps 2 and 3: one address family's network, DHCP range and static route. */
function FamilyStep({ family, edited }: StepProps & { family: Family }) {
  const { watch, setValue, trigger } = useFormContext<WizardValues>();
  const text = TEXT[family];
  const [enabled, network, dhcpEnabled, routeEnabled] = watch([`${family}.enabled`, `${family}.network`, `${family}.dhcpEnabled`, `${family}.routeEnabled`]);
  const derived = gatewayAndType(network);
  const isPublic = derived?.type === "Other/Public";
  // Start/End follow "Network" until the operator types in either of them.
  const followNetwork = (value: string) => {
    // The route's rules read "Network" too: re-judge them as it changes.
    if (routeEnabled) void trigger([`${family}.routeNetwork`, `${family}.routeGateway`]);
    if (edited.has(text.edited)) return;
    const range = defaultDhcpFor(value);
    if (!range) return;
    setValue(`${family}.dhcpStart`, range.start, { shouldValidate: true });
    setValue(`${family}.dhcpEnd`, range.end, { shouldValidate: true });
  };
  const markEdited = () => {
    edited.mark(text.edited);
  };
  // "start comes after the end" sits on Start: typing in End must re-judge both.
  const judgeRange = () => void trigger([`${family}.dhcpStart`, `${family}.dhcpEnd`]);
  return (
    <div className="max-w-xl space-y-4">
      <CheckField name={`${family}.enabled`} label={text.enable} />
      {enabled ? (
        <fieldset className="space-y-4 border-l-2 border-zinc-200 pl-4 dark:border-zinc-800">
          <TextField name={`${family}.network`} label="Network" onValue={followNetwork} />
          {isPublic ? <CheckField name={`${family}.confirmPublic`} label="Use this public range anyway" /> : null}
          {family === "ipv4" ? (
            <div className="grid grid-cols-2 gap-4">
              <TextField name="ipv4.network" label="Gateway" readOnlyValue={derived?.gateway ?? ""} />
              <TextField name="ipv4.network" label="Type" readOnlyValue={derived?.type ?? ""} />
            </div>
          ) : null}
          <CheckField name={`${family}.dhcpEnabled`} label={text.dhcp} />
          {dhcpEnabled ? (
            <div className="grid grid-cols-2 gap-4">
              <TextField name={`${family}.dhcpStart`} label="Start" onEdit={markEdited} onValue={judgeRange} />
              <TextField name={`${family}.dhcpEnd`} label="End" onEdit={markEdited} onValue={judgeRange} />
            </div>
          ) : null}
          <CheckField name={`${family}.routeEnabled`} label="Enable Static Route Definition" />
          {routeEnabled ? (
            <div className="grid grid-cols-2 gap-4">
              <TextField name={`${family}.routeNetwork`} label="to Network" />
              <TextField name={`${family}.routeGateway`} label="via Gateway" />
            </div>
          ) : null}
        </fieldset>
      ) : null}
    </div>
  );
}

export const Ipv4Step = (props: StepProps) => <FamilyStep {...props} family="ipv4" />;
export const Ipv6Step = (props: StepProps) => <FamilyStep {...props} family="ipv6" />;
