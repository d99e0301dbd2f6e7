// Evidence builders and arch-list formatting shared by the checks.
#include "audit/evidence.h"

#include <fmt/format.h>

#include "arch-data/arch_table.h"

namespace manaudit::audit {

namespace {

Evidence absent(const archdata::ArchFacts& facts) {
    Evidence e;
    e.arch = facts.provenance.arch_id;
    return e;
}

Evidence from_constant(const archdata::ArchFacts& facts, const archdata::Constant* c) {
    Evidence e = absent(facts);
    if (!c) return e;
    e.present = true;
    e.value = c->text();
    e.header = c->header;
    return e;
}

}  // namespace

const std::string& arch_id(const archdata::ArchFacts& facts) { return facts.provenance.arch_id; }

Evidence syscall_evidence(const archdata::ArchFacts& facts, const std::string& name) {
    Evidence e = absent(facts);
    const auto* s = facts.syscall(name);
    if (s && s->implemented) {
        e.present = true;
        e.value = std::to_string(s->number);
        e.header = s->header;
    } else if (const auto* m = facts.multiplexed_call(name)) {
        // Reached another way: a program can make the call, so it is present.
        e.present = true;
        e.value = fmt::format("through {}(2), call {}", m->via, m->call);
        e.header = m->header;
    } else if (s) {
        e.value = fmt::format("reserved slot {}, not implemented", s->number);
        e.header = s->header;
    }
    return e;
}

bool can_call(const archdata::ArchFacts& facts, const std::string& name) {
    return facts.implemented_syscall(name) || facts.multiplexed_call(name);
}

Evidence errno_evidence(const archdata::ArchFacts& facts, const std::string& name) {
    return from_constant(facts, facts.errno_value(name));
}

Evidence constant_evidence(const archdata::ArchFacts& facts, const std::string& name) {
    return from_constant(facts, facts.constant(name));
}

std::string describe_layout(const archdata::StructLayout& layout, const archdata::Provenance& provenance) {
    std::string s = fmt::format("size {}, align {}", layout.size, layout.align);
    if (layout.packed) s += ", packed";
    if (provenance.stand_in)
        s += " (stand-in target)";
    else if (layout.approximate || provenance.approximate_layouts)
        s += " (approximate layout)";
    return s;
}

Evidence struct_evidence(const archdata::ArchFacts& facts, const std::string& name) {
    Evidence e = absent(facts);
    if (const auto* l = facts.layout(name)) {
        e.present = true;
        e.value = describe_layout(*l, facts.provenance);
        e.header = l->header;
    }
    return e;
}

bool is_x86_abi(const std::string& id) { return id == "x86_64" || id == "i386" || id == "x32"; }

std::vector<std::string> in_table_order(const std::set<std::string>& ids) {
    std::vector<std::string> out;
    for (const auto& arch : archdata::all_arches())
        if (ids.count(std::string(arch.id))) out.emplace_back(arch.id);
    // Ids outside the table (hand-made facts) keep their sorted order at the end.
    for (const auto& id : ids)
        if (!archdata::find_arch(id)) out.push_back(id);
    return out;
}

std::string join_ids(const std::set<std::string>& ids) {
    std::string out;
    for (const auto& id : in_table_order(ids)) {
        if (!out.empty()) out += ", ";
        out += id;
    }
    return out;
}

std::string join_display(const std::set<std::string>& ids) {
    std::vector<std::string> names;
    for (const auto& id : in_table_order(ids)) {
        const auto* arch = archdata::find_arch(id);
        names.emplace_back(arch ? std::string(arch->display) : id);
    }
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
        out += names[i];
    }
    return out;
}

}  // namespace manaudit::audit
