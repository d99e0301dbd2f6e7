// JSON output: every finding with its full evidence and proposed edit.
#include <nlohmann/json.hpp>

#include "audit/output.h"
#include "audit/registry.h"

namespace manaudit::audit {

namespace {

std::string edit_kind_name(ProposedEdit::Kind kind) {
    switch (kind) {
        case ProposedEdit::Kind::none: return "none";
        case ProposedEdit::Kind::add_note: return "add_note";
        case ProposedEdit::Kind::rewrite_sentence: return "rewrite_sentence";
        case ProposedEdit::Kind::table_note: return "table_note";
    }
    return "none";
}

}  // namespace

std::string format_json(const std::vector<Finding>& findings, const std::vector<std::string>& arches,
                        const std::string& tool_version, const std::string& kernel_version) {
    nlohmann::ordered_json doc;
    doc["tool"] = "manaudit";
    doc["version"] = tool_version;
    doc["kernel"] = kernel_version;
    doc["arches"] = arches;
    auto& list = doc["findings"] = nlohmann::ordered_json::array();
    for (const auto& f : findings) {
        nlohmann::ordered_json j;
        j["check"] = f.check_id;
        j["severity"] = severity_name(f.severity);
        j["page"] = f.page;
        j["line"] = f.line;
        j["column"] = f.column;
        j["subject"] = f.subject;
        j["message"] = f.message;
        j["fingerprint"] = f.fingerprint();
        auto& ev = j["evidence"] = nlohmann::ordered_json::array();
        for (const auto& e : f.evidence)
            ev.push_back({{"arch", e.arch}, {"present", e.present}, {"value", e.value}, {"header", e.header}});
        j["edit"] = {{"kind", edit_kind_name(f.edit.kind)}, {"line", f.edit.line},
                     {"flag_text", f.edit.flag_text}, {"section", f.edit.section},
                     {"subsection", f.edit.subsection}, {"old_text", f.edit.old_text},
                     {"new_text", f.edit.new_text}, {"summary", f.edit.summary}};
        list.push_back(std::move(j));
    }
    return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string format_sarif(const std::vector<Finding>& findings, const std::string& tool_version,
                         const std::string& kernel_version, const std::vector<std::string>& arches) {
    using json = nlohmann::ordered_json;
    json rules = json::array();
    const auto infos = all_check_infos();
    for (const auto& info : infos) {
        rules.push_back({{"id", std::string(info.id)},
                         {"name", std::string(info.id)},
                         {"shortDescription", {{"text", std::string(info.description)}}},
                         {"fullDescription", {{"text", std::string(info.description)}}},
                         {"defaultConfiguration", {{"level", severity_name(info.severity)}}}});
    }
    json results = json::array();
    for (const auto& f : findings) {
        int rule_index = -1;
        for (std::size_t i = 0; i < infos.size(); ++i)
            if (infos[i].id == f.check_id) rule_index = static_cast<int>(i);
        json evidence = json::array();
        for (const auto& e : f.evidence)
            evidence.push_back({{"arch", e.arch}, {"present", e.present}, {"value", e.value}, {"header", e.header}});
        json result = {
            {"ruleId", f.check_id},
            {"level", severity_name(f.severity)},
            {"message", {{"text", f.message}}},
            {"locations",
             json::array({{{"physicalLocation",
                            {{"artifactLocation", {{"uri", f.page}}},
                             {"region", {{"startLine", std::max(f.line, 1)}, {"startColumn", std::max(f.column, 1)}}}}}}})},
            {"partialFingerprints", {{"manaudit/v1", f.fingerprint()}}},
            {"properties", {{"subject", f.subject}, {"evidence", evidence}}}};
        if (rule_index >= 0) result["ruleIndex"] = rule_index;
        results.push_back(std::move(result));
    }
    json doc = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                {"version", "2.1.0"},
                {"runs", json::array({{{"tool", {{"driver", {{"name", "manaudit"},
                                                               {"version", tool_version},
                                                               {"informationUri", "https://www.kernel.org/doc/man-pages/"},
                                                               {"rules", rules}}}}},
                                       {"results", results},
                                       {"properties", {{"kernel", kernel_version}, {"arches", arches}}}}})}};
    return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace manaudit::audit
