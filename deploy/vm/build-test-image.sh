#!/usr/bin/env bash
# Builds the tiny bootable test image that `boat-agent launch` boots in the tests: a boot bundle
# (an uncompressed tar holding `vmlinuz` and `initrd.img`) whose initramfs /init prints
# BOAT-VM-BOOTED on the serial console and powers the VM off.
#
#   deploy/vm/build-test-image.sh OUT.tar [CACHE_DIR]
#
# Kernel: $BOAT_VM_KERNEL if set, else a readable /boot/vmlinuz-*, else Debian's current
# linux-image-*-amd64 package fetched with `apt-get download` (no install, no root) into
# CACHE_DIR (default ~/.cache/boat-vm) and unpacked with dpkg-deb; later runs reuse it.
# Userland: /bin/busybox from Debian's busybox-static. Archive: cpio (newc) + gzip.
set -euo pipefail
out="${1:?usage: build-test-image.sh OUT.tar [CACHE_DIR]}"
cache="${2:-${XDG_CACHE_HOME:-$HOME/.cache}/boat-vm}"
busybox=/bin/busybox
[ -x "$busybox" ] && "$busybox" --list | grep -qx poweroff \
  || { echo "build-test-image: needs Debian's busybox-static (/bin/busybox)" >&2; exit 1; }
command -v cpio >/dev/null || { echo "build-test-image: needs cpio" >&2; exit 1; }

kernel() {
  if [ -n "${BOAT_VM_KERNEL:-}" ]; then echo "$BOAT_VM_KERNEL"; return; fi
  local k
  for k in $(ls -1 /boot/vmlinuz-* 2>/dev/null | sort -V -r); do
    [ -r "$k" ] && { echo "$k"; return; }
  done
  mkdir -p "$cache"
  local pkg
  pkg="$(apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-[0-9]/ {print $2; exit}')"
  [ -n "$pkg" ] || { echo "build-test-image: cannot resolve linux-image-amd64 (apt-get update?)" >&2; exit 1; }
  if [ ! -s "$cache/$pkg.vmlinuz" ]; then
    local tmp
    tmp="$(mktemp -d "$cache/dl.XXXXXX")"
    chmod 0755 "$tmp"  # apt downloads as _apt when it can
    (cd "$tmp" && apt-get download -qq "$pkg" >&2)
    dpkg-deb --fsys-tarfile "$tmp"/*.deb | tar -x -C "$tmp" --wildcards './boot/vmlinuz-*'
    mv "$tmp"/boot/vmlinuz-* "$cache/$pkg.vmlinuz.part" && mv "$cache/$pkg.vmlinuz.part" "$cache/$pkg.vmlinuz"
    rm -rf "$tmp"
  fi
  echo "$cache/$pkg.vmlinuz"
}

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/root/bin" "$work/root/dev" "$work/root/proc" "$work/root/sys" "$work/bundle"
cp "$busybox" "$work/root/bin/busybox"
# No /dev/console node in the archive (making one needs root): /init mounts devtmpfs and
# talks to the serial port directly.
cat > "$work/root/init" <<'INIT'
#!/bin/busybox sh
/bin/busybox mount -t devtmpfs dev /dev
exec >/dev/ttyS0 2>&1 </dev/ttyS0
/bin/busybox mount -t proc proc /proc
echo "BOAT-VM-BOOTED kernel $(/bin/busybox uname -r)"
/bin/busybox poweroff -f
INIT
chmod 0755 "$work/root/init"
(cd "$work/root" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0) | gzip -9 > "$work/bundle/initrd.img"
cp "$(kernel)" "$work/bundle/vmlinuz"
tar -C "$work/bundle" -cf "$out.part" vmlinuz initrd.img
mv "$out.part" "$out"
echo "$out"
