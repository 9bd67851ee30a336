#!/bin/sh
# Provision a swtpm state directory with an EK certificate (and platform certificate) signed by a
# swtpm_localca CA whose state lives in CA_DIR -- nothing is read from /etc or /var/lib.
# Usage: swtpm-provision.sh STATE_DIR CA_DIR
# Prints the CA certificates a verifier must trust: CA_DIR/issuercert.pem and
# CA_DIR/swtpm-localca-rootca-cert.pem.
set -eu
if [ $# -ne 2 ]; then echo "usage: $0 STATE_DIR CA_DIR" >&2; exit 2; fi
for tool in swtpm swtpm_setup swtpm_localca; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$0: '$tool' not found (apt-get install swtpm swtpm-tools)" >&2; exit 3; }
done
state=$(mkdir -p "$1" && cd "$1" && pwd)
ca=$(mkdir -p "$2" && cd "$2" && pwd)
localca=$(command -v swtpm_localca)

cat > "$ca/swtpm-localca.conf" <<CONF
statedir = $ca
signingkey = $ca/signkey.pem
issuercert = $ca/issuercert.pem
certserial = $ca/certserial
CONF
cat > "$ca/swtpm-localca.options" <<CONF
--platform-manufacturer BOAT
--platform-version 2.1
--platform-model swtpm
CONF
cat > "$ca/swtpm_setup.conf" <<CONF
create_certs_tool = $localca
create_certs_tool_config = $ca/swtpm-localca.conf
create_certs_tool_options = $ca/swtpm-localca.options
active_pcr_banks = sha256
CONF

swtpm_setup --tpm2 --create-ek-cert --create-platform-cert --pcr-banks sha256 \
  --tpmstate "$state" --config "$ca/swtpm_setup.conf" --overwrite \
  --logfile "$state/swtpm_setup.log" >/dev/null
echo "$ca/issuercert.pem"
echo "$ca/swtpm-localca-rootca-cert.pem"
