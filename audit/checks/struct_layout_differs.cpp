// struct-layout-differs: a struct shown in the page is packed on some arches
// and not on others, a difference readers trip on, and the page is silent.
#include "audit/checks/struct_layout_differs.h"

#include <cstdint>
#include <set>

#include <fmt/format.h>

#include "audit/documented.h"
#include "audit/evidence.h"

namespace manaudit::audit {

CheckInfo StructLayoutDiffersCheck::info() const {
    return {"struct-layout-differs",
            "a struct shown in the page is packed on some arches and not on others",
            Severity::warning};
}

void StructLayoutDiffersCheck::run(const manpages::Page& page, const AuditContext& context,
                                   std::vector<Finding>& findings) const {
    const auto facts = context.facts;
    std::set<std::string> reported;
    for (const auto& shown : page.structs) {
        if (reported.count(shown.name)) continue;
        // Gather the packed and unpacked arches.
        std::set<std::string> packed, unpacked;
        for (const auto& f : facts)
            if (const auto* l = f.layout(shown.name)) (l->packed ? packed : unpacked).insert(arch_id(f));
        // Decide: only packing that differs; sizes that follow the word size
        // are what every reader expects.
        if (packed.empty() || unpacked.empty()) continue;
        if (shown.attributes.find("packed") != std::string::npos) continue;
        DocumentedQuery query;
        query.block = shown.block >= 0 ? shown.block : block_at_line(page, shown.line);
        query.names = {shown.name};
        query.phrases = {"packed"};
        query.arches = packed;
        if (already_documented(page, query)) continue;

        // Report.
        reported.insert(shown.name);
        auto sizes = [&](const std::set<std::string>& arches) {
            std::set<std::uint64_t> all;
            for (const auto& af : facts)
                if (arches.count(arch_id(af))) all.insert(af.layout(shown.name)->size);
            std::string out;
            for (auto s : all) out += (out.empty() ? "" : " or ") + std::to_string(s);
            return out;
        };
        Finding f;
        f.page = page.path;
        f.line = shown.line;
        f.subject = "struct " + shown.name;
        f.message = fmt::format("struct {} is packed on {} (size {}) but not on {} (size {})", shown.name,
                                join_ids(packed), sizes(packed), join_ids(unpacked), sizes(unpacked));
        for (const auto& af : facts) f.evidence.push_back(struct_evidence(af, shown.name));
        f.edit.kind = ProposedEdit::Kind::add_note;
        f.edit.line = shown.line;
        f.edit.flag_text = f.message;
        f.edit.section = "NOTES";
        f.edit.new_text = fmt::format(
            "On {}, the kernel declares\n.I struct {}\nwith\n.IR __attribute__((packed)) ;\n"
            "its size and field offsets differ from those on other architectures.\n",
            join_display(packed), shown.name);
        f.edit.summary = fmt::format("Note that struct {} is packed on {}", shown.name, join_ids(packed));
        findings.push_back(std::move(f));
    }
}

}  // namespace manaudit::audit
