// Reading, writing and applying baseline files (JSON, keyed by fingerprint).
#include "audit/baseline.h"

#include <algorithm>
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
    diags.push_back({file, line, 0, Level::error, message});
}

}  // namespace

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
    Baseline baseline;
    std::size_t index = 0;
    for (const auto& entry : doc["findings"]) {
        if (!entry.is_object() || !entry.contains("fingerprint") || !entry["fingerprint"].is_string()) {
            report(diags, name, 1,
                   "baseline entry " + std::to_string(index) + " has no \"fingerprint\" string");
            return std::nullopt;
        }
        baseline.fingerprints.insert(entry["fingerprint"].get<std::string>());
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
    // Sorted by fingerprint so a rewritten baseline diffs cleanly.
    std::map<std::string, const Finding*> by_fingerprint;
    for (const auto& f : findings) by_fingerprint.emplace(f.fingerprint(), &f);
    nlohmann::ordered_json doc;
    doc["tool"] = "manaudit";
    doc["version"] = 1;
    auto& list = doc["findings"] = nlohmann::ordered_json::array();
    for (const auto& [fingerprint, f] : by_fingerprint)
        list.push_back({{"fingerprint", fingerprint}, {"check", f->check_id}, {"page", f->page},
                        {"subject", f->subject}, {"message", f->message}});
    return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::size_t apply_baseline(std::vector<Finding>& findings, const Baseline& baseline) {
    return std::erase_if(findings, [&](const Finding& f) { return baseline.fingerprints.count(f.fingerprint()) > 0; });
}

}  // namespace manaudit::audit
