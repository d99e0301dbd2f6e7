// Reading, writing and applying baseline files (JSON, keyed by fingerprint).
#include "audit/baseline.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

namespace manaudit::audit {

namespace {

int line_of_offset(const std::string& text, std::size_t offset) {
    offset = std::min(offset, text.size());
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

void report(Diagnostics& diags, const std::string& file, int line, const std::string& message) {
    diags.push_back({file, line, 0, Severity::error, message});
}

/// FNV-1a, 64 bits: small and stable across platforms and releases.
std::string hash_hex(const std::string& s) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

/// "man/man2/open.2" -> "open.2".
std::string page_file_name(const std::string& path) {
    std::string name = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
    if (name.size() > 3 && name.ends_with(".gz")) name.resize(name.size() - 3);
    return name;
}

}  // namespace

std::string baseline_identity(const Finding& finding) {
    std::vector<std::string> absent;
    for (const auto& e : finding.evidence)
        if (!e.present) absent.push_back(e.arch);
    std::sort(absent.begin(), absent.end());
    std::string key = "2";
    for (const std::string& part : {finding.check_id, page_file_name(finding.page), finding.subject})
        key += '\0' + part;
    for (const auto& arch : absent) key += '\0' + arch;
    return hash_hex(key);
}

std::optional<Baseline> parse_baseline(const std::string& text, const std::string& name, Diagnostics& diags) {
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        report(diags, name, line_of_offset(text, e.byte > 0 ? e.byte - 1 : 0), "baseline is not valid JSON");
        return std::nullopt;
    }
    if (!doc.is_object() || !doc.contains("findings") || !doc["findings"].is_array()) {
        report(diags, name, 1, "baseline has no \"findings\" array");
        return std::nullopt;
    }
    // Version 1 files keyed findings by a path-bound fingerprint; they still apply.
    int version = doc.contains("version") && doc["version"].is_number_integer() ? doc["version"].get<int>() : 1;
    if (version != 1 && version != 2) {
        report(diags, name, 1, "baseline version " + std::to_string(version) + " is not one this manaudit reads");
        return std::nullopt;
    }
    const char* key = version == 1 ? "fingerprint" : "identity";
    Baseline baseline;
    std::size_t index = 0;
    for (const auto& entry : doc["findings"]) {
        if (!entry.is_object() || !entry.contains(key) || !entry[key].is_string()) {
            report(diags, name, 1,
                   "baseline entry " + std::to_string(index) + " has no \"" + key + "\" string");
            return std::nullopt;
        }
        (version == 1 ? baseline.fingerprints : baseline.identities).insert(entry[key].get<std::string>());
        ++index;
    }
    return baseline;
}

std::optional<Baseline> read_baseline(const std::string& path, Diagnostics& diags) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        report(diags, path, 0, "cannot read baseline");
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parse_baseline(text.str(), path, diags);
}

std::string baseline_json(const std::vector<Finding>& findings) {
    // Sorted by identity so a rewritten baseline diffs cleanly.
    std::map<std::string, const Finding*> by_identity;
    for (const auto& f : findings) by_identity.emplace(baseline_identity(f), &f);
    nlohmann::ordered_json doc;
    doc["tool"] = "manaudit";
    doc["version"] = 2;
    auto& list = doc["findings"] = nlohmann::ordered_json::array();
    for (const auto& [identity, f] : by_identity)
        list.push_back({{"identity", identity}, {"check", f->check_id}, {"page", f->page},
                        {"subject", f->subject}, {"message", f->message}});
    return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::size_t apply_baseline(std::vector<Finding>& findings, const Baseline& baseline) {
    return std::erase_if(findings, [&](const Finding& f) {
        return baseline.identities.count(baseline_identity(f)) > 0 || baseline.fingerprints.count(f.fingerprint()) > 0;
    });
}

}  // namespace manaudit::audit
