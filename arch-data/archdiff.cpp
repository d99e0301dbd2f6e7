// Comparing two ArchFacts, and the text rendering of the result.
#include "arch-data/archdiff.h"

#include <map>
#include <set>

namespace manaudit::archdata {

namespace {

template <typename Map, typename Render>
void compare_maps(const Map& a, const Map& b, std::vector<std::string>& only_a, std::vector<std::string>& only_b,
                  std::vector<ValueChange>& changed, Render render) {
    for (const auto& [name, va] : a) {
        auto it = b.find(name);
        if (it == b.end()) {
            only_a.push_back(name);
            continue;
        }
        std::string ra = render(va), rb = render(it->second);
        if (ra != rb) changed.push_back({name, ra, rb});
    }
    for (const auto& [name, vb] : b)
        if (!a.count(name)) only_b.push_back(name);
}

std::string arrow(std::uint64_t a, std::uint64_t b) { return std::to_string(a) + " -> " + std::to_string(b); }

LayoutChange compare_layouts(const StructLayout& a, const StructLayout& b) {
    LayoutChange change{a.name, {}};
    auto& d = change.differences;
    if (a.size != b.size) d.push_back("size " + arrow(a.size, b.size));
    if (a.align != b.align) d.push_back("align " + arrow(a.align, b.align));
    if (a.packed != b.packed)
        d.push_back(std::string("packed ") + (a.packed ? "yes" : "no") + " -> " + (b.packed ? "yes" : "no"));
    std::map<std::string, const Field*> fields_b;
    for (const Field& f : b.fields) fields_b[f.name] = &f;
    std::set<std::string> seen;
    for (const Field& fa : a.fields) {
        seen.insert(fa.name);
        auto it = fields_b.find(fa.name);
        if (it == fields_b.end()) {
            d.push_back("field " + fa.name + ": only in A");
            continue;
        }
        const Field& fb = *it->second;
        if (fa.offset != fb.offset) d.push_back("field " + fa.name + ": offset " + arrow(fa.offset, fb.offset));
        if (fa.size != fb.size) d.push_back("field " + fa.name + ": size " + arrow(fa.size, fb.size));
    }
    for (const Field& fb : b.fields)
        if (!seen.count(fb.name)) d.push_back("field " + fb.name + ": only in B");
    return change;
}

void section(std::string& out, const std::string& title, const std::vector<std::string>& names) {
    out += title + " (" + std::to_string(names.size()) + ")";
    out += names.empty() ? "\n" : ":\n";
    for (const auto& n : names) out += "  " + n + "\n";
}

void section(std::string& out, const std::string& title, const std::vector<ValueChange>& changes) {
    out += title + " (" + std::to_string(changes.size()) + ")";
    out += changes.empty() ? "\n" : ":\n";
    for (const auto& c : changes) out += "  " + c.name + ": " + c.a + " -> " + c.b + "\n";
}

}  // namespace

bool ArchDiff::empty() const {
    return syscalls_only_a.empty() && syscalls_only_b.empty() && syscalls_renumbered.empty() &&
           errnos_only_a.empty() && errnos_only_b.empty() && errnos_changed.empty() && constants_only_a.empty() &&
           constants_only_b.empty() && constants_changed.empty() && structs_only_a.empty() &&
           structs_only_b.empty() && structs_changed.empty();
}

ArchDiff diff_arches(const ArchFacts& a, const ArchFacts& b) {
    ArchDiff d;
    d.a_kernel = kernel_series(a.provenance.kernel_version);
    d.b_kernel = kernel_series(b.provenance.kernel_version);
    const bool kernels_differ = d.a_kernel != d.b_kernel;
    d.a_id = (kernels_differ ? "linux-" + d.a_kernel + "/" : "") + a.provenance.arch_id;
    d.b_id = (kernels_differ ? "linux-" + d.b_kernel + "/" : "") + b.provenance.arch_id;
    d.across_kernels = kernels_differ && a.provenance.arch_id == b.provenance.arch_id;
    auto implemented = [](const ArchFacts& f) {
        std::map<std::string, Syscall> out;
        for (const auto& [name, s] : f.syscalls)
            if (s.implemented) out.emplace(name, s);
        return out;
    };
    compare_maps(implemented(a), implemented(b), d.syscalls_only_a, d.syscalls_only_b, d.syscalls_renumbered,
                 [](const Syscall& s) { return std::to_string(s.number); });
    auto value = [](const Constant& c) { return c.text(); };
    compare_maps(a.errnos, b.errnos, d.errnos_only_a, d.errnos_only_b, d.errnos_changed, value);
    compare_maps(a.constants, b.constants, d.constants_only_a, d.constants_only_b, d.constants_changed, value);
    for (const auto& [name, la] : a.structs) {
        auto it = b.structs.find(name);
        if (it == b.structs.end()) {
            d.structs_only_a.push_back(name);
            continue;
        }
        LayoutChange c = compare_layouts(la, it->second);
        if (!c.differences.empty()) d.structs_changed.push_back(std::move(c));
    }
    for (const auto& [name, lb] : b.structs)
        if (!a.structs.count(name)) d.structs_only_b.push_back(name);
    return d;
}

std::string render_text(const ArchDiff& d) {
    const std::string& a = d.a_id;
    const std::string& b = d.b_id;
    std::string out = "archdiff " + a + " (A) " + b + " (B)\n\n";
    if (d.across_kernels) {
        section(out, "syscalls added in Linux " + d.b_kernel, d.syscalls_only_b);
        section(out, "syscalls removed since Linux " + d.a_kernel, d.syscalls_only_a);
    } else {
        section(out, "syscalls only in " + a, d.syscalls_only_a);
        section(out, "syscalls only in " + b, d.syscalls_only_b);
    }
    section(out, "syscalls numbered differently", d.syscalls_renumbered);
    section(out, "errnos only in " + a, d.errnos_only_a);
    section(out, "errnos only in " + b, d.errnos_only_b);
    section(out, "errnos valued differently", d.errnos_changed);
    section(out, "constants only in " + a, d.constants_only_a);
    section(out, "constants only in " + b, d.constants_only_b);
    section(out, "constants valued differently", d.constants_changed);
    section(out, "structs only in " + a, d.structs_only_a);
    section(out, "structs only in " + b, d.structs_only_b);
    out += "struct layouts that differ (" + std::to_string(d.structs_changed.size()) + ")";
    out += d.structs_changed.empty() ? "\n" : ":\n";
    for (const auto& c : d.structs_changed) {
        out += "  struct " + c.name + ":\n";
        for (const auto& line : c.differences) out += "    " + line + "\n";
    }
    return out;
}

}  // namespace manaudit::archdata
