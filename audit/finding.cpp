// Finding fingerprints: stable identities for baselines and SARIF.
#include "audit/finding.h"

#include <cctype>
#include <cstdint>
#include <cstdio>

namespace manaudit::audit {

namespace {

// FNV-1a: small, stable across platforms and releases, good enough for ids.
std::uint64_t fnv1a(const std::string& s) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

}  // namespace

std::string Finding::fingerprint() const {
    // Line numbers are left out on purpose: an edit above the finding must not
    // make an accepted finding new again.
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx",
                  static_cast<unsigned long long>(fnv1a(check_id + '\0' + page + '\0' + subject)));
    return buf;
}

}  // namespace manaudit::audit
