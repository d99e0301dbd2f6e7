// Evidence builders and arch-list formatting shared by the checks.
#include "audit/evidence.h"

#include <algorithm>

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

std::string join_names(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
        out += names[i];
    }
    return out;
}

namespace {

/// An arch family as man-pages names it: the name for all of its ABIs, and
/// the names for subsets of them.
struct DisplayFamily {
    std::string_view abis;  ///< space-separated, table order
    std::string_view all;   ///< "MIPS"
    std::string_view (*subset)(const std::set<std::string>& present);
};

std::string_view powerpc_subset(const std::set<std::string>& present) {
    return present.count("powerpc") ? "32-bit PowerPC" : "64-bit PowerPC";
}
std::string_view sparc_subset(const std::set<std::string>& present) {
    return present.count("sparc64") ? "SPARC64" : "32-bit SPARC";
}
std::string_view parisc_subset(const std::set<std::string>& present) {
    return present.count("parisc") ? "PA-RISC" : "64-bit PA-RISC";
}
std::string_view riscv_subset(const std::set<std::string>& present) {
    return present.count("riscv64") ? "RISC-V" : "RV32";
}

// Families pages name as one: "RISC-V" for both of its ABIs. MIPS ABIs
// apart keep their own names (o32, n32, n64 differ in what they have).
constexpr DisplayFamily kFamilies[] = {
    {"powerpc powerpc64 powerpc64le", "PowerPC", powerpc_subset},
    {"sparc64 sparc32", "SPARC", sparc_subset},
    {"parisc parisc64", "PA-RISC", parisc_subset},
    {"riscv64 riscv32", "RISC-V", riscv_subset},
    {"mips-o32 mips64-n32 mips64-n64", "MIPS", nullptr},
};

const DisplayFamily* family_of(const std::string& id) {
    for (const auto& fam : kFamilies) {
        std::string_view abis = fam.abis;
        while (!abis.empty()) {
            auto space = abis.find(' ');
            if (abis.substr(0, space) == id) return &fam;
            abis = space == std::string_view::npos ? std::string_view() : abis.substr(space + 1);
        }
    }
    return nullptr;
}

std::size_t family_size(const DisplayFamily& fam) {
    return static_cast<std::size_t>(std::count(fam.abis.begin(), fam.abis.end(), ' ')) + 1;
}

}  // namespace

std::vector<std::string> display_names(const std::set<std::string>& ids) {
    std::vector<std::string> names;
    std::set<const DisplayFamily*> done;
    for (const auto& id : in_table_order(ids)) {
        const DisplayFamily* fam = family_of(id);
        if (fam) {
            if (done.count(fam)) continue;
            std::set<std::string> members;
            for (const auto& other : ids)
                if (family_of(other) == fam) members.insert(other);
            if (members.size() == family_size(*fam)) {
                done.insert(fam);
                names.emplace_back(fam->all);
                continue;
            }
            if (fam->subset) {
                done.insert(fam);
                names.emplace_back(fam->subset(members));
                continue;
            }
        }
        const auto* arch = archdata::find_arch(id);
        names.emplace_back(arch ? std::string(arch->display) : id);
    }
    return names;
}

std::string join_display(const std::set<std::string>& ids) {
    const std::vector<std::string> names = display_names(ids);
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
        out += names[i];
    }
    return out;
}

}  // namespace manaudit::audit
