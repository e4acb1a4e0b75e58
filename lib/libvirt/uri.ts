// The one libvirt connection URI Switchyard uses: in virsh argv, in the remote
// scripts that run virsh themselves, and in the messages that name it.
export const LIBVIRT_URI = "qemu:///system";
