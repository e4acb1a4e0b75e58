# Keys, passwords and users. Generated once and kept in .lab/ so that fingerprints pinned
# by the app and by tests stay valid across lab:down / lab:up and --reset.

CLIENT_KEY_REL=.lab/keys/root_ed25519
SECRETS_FILE="$LAB_DIR/secrets.env"

random_password() { head -c 18 /dev/urandom | base64 | tr -d '/+=' | head -c 20; }

ensure_keys_and_passwords() {
  mkdir -p "$LAB_DIR/keys" && chmod 700 "$LAB_DIR/keys"
  [[ -s $REPO_ROOT/$CLIENT_KEY_REL ]] ||
    ssh-keygen -q -t ed25519 -N '' -C switchyard-lab-root -f "$REPO_ROOT/$CLIENT_KEY_REL"
  if [[ ! -s $SECRETS_FILE ]]; then
    (umask 077; printf 'OPERATOR_PASSWORD=%s\nOUTSIDER_PASSWORD=%s\n' "$(random_password)" "$(random_password)" >"$SECRETS_FILE")
  fi
  source "$SECRETS_FILE"
  local h
  for h in "${UP_HOSTS[@]}"; do
    mkdir -p "$(host_dir "$h")"
    # The pinned host key; sshd serves a copy of it (see sshd.sh) so rekey can swap keys.
    [[ -s $(host_dir "$h")/ssh_host_ed25519_key ]] ||
      ssh-keygen -q -t ed25519 -N '' -C "$h" -f "$(host_dir "$h")/ssh_host_ed25519_key"
  done
}

# Users live in the one /etc/passwd all namespaces share, so each exists once for all hosts.
# operator reaches libvirt through the libvirt group; outsider must not be in it.
ensure_users() {
  getent group libvirt >/dev/null || groupadd --system libvirt
  # -N: Debian already has a system group named "operator"; use the default group instead.
  id operator >/dev/null 2>&1 || useradd -m -N -s /bin/bash operator
  id outsider >/dev/null 2>&1 || useradd -m -N -s /bin/bash outsider
  usermod -aG libvirt operator
  if id -nG outsider | tr ' ' '\n' | grep -qx libvirt; then gpasswd -d outsider libvirt >/dev/null; fi
  printf 'operator:%s\noutsider:%s\n' "$OPERATOR_PASSWORD" "$OUTSIDER_PASSWORD" | chpasswd
}

fingerprint_of() { ssh-keygen -l -E sha256 -f "$1" | awk '{print $2}'; }
