#!/bin/sh
# Installs what manaudit needs to build, test and run, from Debian 12's packages.
# Safe to run again: it only calls apt-get when something is missing.
set -eu

# Build and runtime libraries, the tools the tests drive, the release audited;
# clang with its sanitizer and libFuzzer runtimes, and clang-tidy, for CI.
PACKAGES="build-essential cmake pkg-config libclang-dev libpugixml-dev libfmt-dev
catch2 zlib1g-dev libarchive-dev libcli11-dev nlohmann-json3-dev libgit2-dev
libmimalloc-dev groff mandoc git patch xz-utils time manpages-dev
clang-14 clang-tidy-14 libclang-rt-14-dev ccache ninja-build"

# The browser test loads the HTML report in headless Chromium.
PACKAGES="$PACKAGES chromium"

# Linux 6.1 uapi headers for every ABI in the architecture table: extraction
# and its tests read them; the audit itself uses the shipped arch-data.
for debarch in amd64 i386 x32 arm64 armhf riscv64 powerpc ppc64el s390x \
               mips mips64el sparc64 alpha hppa m68k sh4 arc; do
    PACKAGES="$PACKAGES linux-libc-dev-$debarch-cross"
done

# glibc 2.36's headers for the same ABIs (x86_64's are the host's libc6-dev):
# `extract --libc` and its integration tests read them.
for debarch in i386 x32 arm64 armhf riscv64 powerpc ppc64el s390x \
               mips mips64el sparc64 hppa m68k sh4 arc; do
    PACKAGES="$PACKAGES libc6-dev-$debarch-cross"
done
PACKAGES="$PACKAGES libc6-dev libc6.1-dev-alpha-cross"

missing=""
for p in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done

if [ -n "$missing" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "install-deps: missing packages:$missing (run as root to install them)" >&2
        exit 2
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing
fi

# Minimal images may exclude /usr/share/man from dpkg; the audit needs the pages.
if [ ! -e /usr/share/man/man2/open.2.gz ] && [ ! -e /usr/share/man/man2/open.2 ]; then
    echo "install-deps: /usr/share/man/man2 is empty although manpages-dev is installed;" >&2
    echo "install-deps: remove the path-exclude for /usr/share/man in /etc/dpkg/dpkg.cfg.d/ and reinstall manpages-dev" >&2
    exit 2
fi
