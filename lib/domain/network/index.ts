// The network model's public surface. Import from "@/lib/domain/network".
export * from "./spec";
export * from "./modes";
export * from "./facts";
export * from "./defaults";
export * from "./labels";
export { buildNetworkXml } from "./xml-build";
export { parseNetworkXml, type ParseResult, type NetworkStatus } from "./xml-parse";
export { xmlPolicyIssues, policyIdentity, XML_EDIT_MAX_BYTES, type XmlPolicyIssue, type XmlPolicyContext } from "./xml-policy";
export { defaultWizardValues, wizardToSpec, EMPTY_WIZARD_DEVICE, preselectHostBridge } from "./wizard";
export { diffSpecs, identityIssues, type SpecChange } from "./diff";

export { specSchema, networkSpecSchema, type HostContext } from "./schema/spec";
export { wizardSchema, WIZARD_STEPS, FORWARD_KINDS, FORWARD_MODES, WIZARD_CONNECTIONS, wizardWalk, parseVlanTags, type WizardStepIndex, wizardPortgroups, type WizardValues, type WizardFamilyValues, type WizardDeviceValues, type WizardConnection } from "./schema/wizard";
export { deviceBridgeIssues, portgroupIssues, nicBusyReason, macvtapInterfaceIssues, pfIssues, SRIOV_NONE_MESSAGE, VLAN_MIN, VLAN_MAX, VLAN_RANGE_MESSAGE } from "./schema/device";
export { validateSpec, validateWizard, fieldErrorsOf, type FieldErrors, type Validated } from "./schema/validate";
export { newDhcpHostIssues, newDnsHostIssues } from "./schema/edits";
export { networkNameSchema, nameIssues, NAME_MAX } from "./schema/name";
export { networkFieldIssues, ipAddressIssues, gatewayOf, IPV4_PREFIX_MIN, IPV4_PREFIX_MAX, IPV6_PREFIX } from "./schema/subnet";
export { dhcpRangeIssues, dhcpHostIssues, isDuid, DHCP_RANGE_LIMIT } from "./schema/dhcp";
export { routeIssues, routeFieldIssues, ROUTE_PREFIX_MAX } from "./schema/route";
export { dnsIssues, domainIssues, defaultDomainFor } from "./schema/dns";
export { deviceExistsIssues, bridgeNameIssues, bridgeInUseIssues, hostBridgeIssues, forwardNeedsAddressMessage, OPEN_DEV_MESSAGE } from "./schema/forward";
export { overlapMessage, overlapIssues, isFree } from "./schema/overlap";
export { type Issue, type Path } from "./schema/issues";
