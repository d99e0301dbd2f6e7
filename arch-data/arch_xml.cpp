// The arch-data XML form: deterministic writer and validating reader (pugixml).
#include <algorithm>
#include <fstream>
#include <sstream>

#include <pugixml.hpp>

#include "arch-data/arch_validate.h"
#include "arch-data/store.h"
#include "arch-data/xml_reader.h"

namespace manaudit::archdata {

namespace {

constexpr const char* kArchFormat = "1";

// XML comments cannot hold "--".
std::string comment_text(std::string s) {
    for (std::size_t at = s.find("--"); at != std::string::npos; at = s.find("--", at)) s.replace(at, 2, "- -");
    return " " + s + " ";
}

void add_provenance_comments(pugi::xml_document& doc, const Provenance& p) {
    // A comment cannot hold "--", which commands do; a processing instruction can.
    pugi::xml_node pi = doc.append_child(pugi::node_pi);
    pi.set_name("manaudit");
    pi.set_value(("generated-by: " + p.command).c_str());
    doc.append_child(pugi::node_comment)
        .set_value(comment_text("Headers: " + p.package + " " + p.package_version + " (Linux " + p.kernel_version +
                                ")")
                       .c_str());
    std::string target = "Target: " + p.clang_target + (p.clang_args.empty() ? "" : " " + p.clang_args) +
                         (p.stand_in ? " (stand-in)" : "") + ", " + std::to_string(p.word_bits) + "-bit, " +
                         p.byte_order + "-endian" + (p.approximate_layouts ? "; struct layouts approximate" : "");
    doc.append_child(pugi::node_comment).set_value(comment_text(target).c_str());
}

void write_constants(pugi::xml_node parent, const char* list, const char* item,
                     const FactTable<Constant>& values) {
    pugi::xml_node node = parent.append_child(list);
    node.append_attribute("count") = static_cast<unsigned long long>(values.size());
    for (const auto& [name, c] : values) {
        pugi::xml_node e = node.append_child(item);
        e.append_attribute("name") = c.name.c_str();
        e.append_attribute("value") = c.text().c_str();
        if (c.value_time64) e.append_attribute("value-time64") = static_cast<long long>(*c.value_time64);
        e.append_attribute("header") = c.header.c_str();
    }
}

// Entry-point parameter lists: `key` names the map's key attribute ("call"
// for generic signatures), omitted when it is the entry's name.
void write_signatures(pugi::xml_node parent, const char* list, const char* key,
                      const FactTable<EntrySignature>& signatures) {
    if (signatures.empty()) return;
    pugi::xml_node node = parent.append_child(list);
    node.append_attribute("count") = static_cast<unsigned long long>(signatures.size());
    for (const auto& [name, sig] : signatures) {
        pugi::xml_node e = node.append_child("entry");
        if (key) e.append_attribute(key) = name.c_str();
        e.append_attribute("name") = sig.name.c_str();
        e.append_attribute("params") = kernel_params_text(sig.params).c_str();
        e.append_attribute("source") = sig.source.c_str();
    }
}

// --- reading -----------------------------------------------------------

// Optional: only data made from a kernel source tree has them.
void read_signatures(XmlReader& r, pugi::xml_node root, const char* list, const char* key,
                     FactTable<EntrySignature>& out) {
    pugi::xml_node node = root.child(list);
    if (!node) return;
    for (pugi::xml_node e : node.children("entry")) {
        EntrySignature sig;
        sig.name = r.required(e, "name");
        sig.params = parse_kernel_params(e.attribute("params").value());
        sig.source = r.required(e, "source");
        std::string map_key = key ? r.required(e, key) : sig.name;
        out[map_key] = std::move(sig);
    }
    r.check_count(node, out.size());
}

void read_constants(XmlReader& r, pugi::xml_node root, const char* list, const char* item,
                    FactTable<Constant>& out) {
    pugi::xml_node node = root.child(list);
    if (!node) {
        r.error(root, std::string("missing <") + list + ">");
        return;
    }
    for (pugi::xml_node e : node.children(item)) {
        Constant c;
        c.name = r.required(e, "name");
        c.value = r.integer(e, "value", &c.is_unsigned);
        if (e.attribute("value-time64")) c.value_time64 = r.integer(e, "value-time64");
        c.header = r.required(e, "header");
        out[c.name] = std::move(c);
    }
    r.check_count(node, out.size());
}

}  // namespace

std::string to_xml(const ArchFacts& facts) {
    const Provenance& p = facts.provenance;
    pugi::xml_document doc;
    pugi::xml_node decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    add_provenance_comments(doc, p);

    pugi::xml_node root = doc.append_child("arch-data");
    root.append_attribute("format") = kArchFormat;
    root.append_attribute("arch") = p.arch_id.c_str();
    pugi::xml_node prov = root.append_child("provenance");
    prov.append_attribute("kernel") = p.kernel_version.c_str();
    prov.append_attribute("package") = p.package.c_str();
    prov.append_attribute("package-version") = p.package_version.c_str();
    prov.append_attribute("command") = p.command.c_str();
    prov.append_attribute("clang-target") = p.clang_target.c_str();
    prov.append_attribute("clang-args") = p.clang_args.c_str();
    prov.append_attribute("stand-in") = yes_no(p.stand_in);
    prov.append_attribute("word-bits") = p.word_bits;
    prov.append_attribute("byte-order") = p.byte_order.c_str();
    prov.append_attribute("sysroot") = p.sysroot.c_str();
    prov.append_attribute("approximate-layouts") = yes_no(p.approximate_layouts);
    if (!p.kernel_source.empty()) prov.append_attribute("kernel-source") = p.kernel_source.c_str();

    pugi::xml_node syscalls = root.append_child("syscalls");
    syscalls.append_attribute("count") = static_cast<unsigned long long>(facts.syscalls.size());
    for (const auto& [name, s] : facts.syscalls) {
        pugi::xml_node e = syscalls.append_child("syscall");
        e.append_attribute("name") = s.name.c_str();
        e.append_attribute("number") = static_cast<long long>(s.number);
        e.append_attribute("header") = s.header.c_str();
        if (s.arch_private) e.append_attribute("arch-private") = "yes";
        if (!s.entry.empty()) e.append_attribute("entry") = s.entry.c_str();
        if (!s.compat_entry.empty()) e.append_attribute("compat-entry") = s.compat_entry.c_str();
        if (!s.implemented) e.append_attribute("implemented") = "no";
    }
    if (!facts.multiplexed.empty()) {
        pugi::xml_node list = root.append_child("multiplexed");
        list.append_attribute("count") = static_cast<unsigned long long>(facts.multiplexed.size());
        for (const auto& [name, m] : facts.multiplexed) {
            pugi::xml_node e = list.append_child("call");
            e.append_attribute("name") = m.name.c_str();
            e.append_attribute("via") = m.via.c_str();
            e.append_attribute("number") = static_cast<long long>(m.call);
            e.append_attribute("header") = m.header.c_str();
        }
    }
    write_signatures(root, "entry-points", nullptr, facts.entry_signatures);
    write_signatures(root, "generic-entry-points", "call", facts.generic_signatures);
    write_constants(root, "errnos", "errno", facts.errnos);
    write_constants(root, "constants", "constant", facts.constants);

    pugi::xml_node structs = root.append_child("structs");
    structs.append_attribute("count") = static_cast<unsigned long long>(facts.structs.size());
    for (const auto& [name, st] : facts.structs) {
        pugi::xml_node e = structs.append_child("struct");
        e.append_attribute("name") = st.name.c_str();
        e.append_attribute("size") = static_cast<unsigned long long>(st.size);
        e.append_attribute("align") = static_cast<unsigned long long>(st.align);
        e.append_attribute("packed") = yes_no(st.packed);
        e.append_attribute("approximate") = yes_no(st.approximate);
        e.append_attribute("header") = st.header.c_str();
        for (const Field& f : st.fields) {
            pugi::xml_node fe = e.append_child("field");
            fe.append_attribute("name") = f.name.c_str();
            fe.append_attribute("type") = f.type.c_str();
            fe.append_attribute("offset") = static_cast<unsigned long long>(f.offset);
            fe.append_attribute("size") = static_cast<unsigned long long>(f.size);
            if (f.bit_width >= 0) fe.append_attribute("bits") = f.bit_width;
        }
    }
    std::ostringstream out;
    doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
    return out.str();
}

std::optional<ArchFacts> parse_arch_xml(const std::string& text, const std::string& path, Diagnostics& diags) {
    pugi::xml_document doc;
    XmlReader r{path, text, diags};
    pugi::xml_node root = r.load_root(doc, "arch-data", "arch-data", "an arch-data", kArchFormat);
    if (!root) return std::nullopt;
    ArchFacts facts;
    Provenance& p = facts.provenance;
    p.arch_id = r.required(root, "arch");
    pugi::xml_node prov = root.child("provenance");
    if (!prov) {
        r.error(root, "missing <provenance>");
        return std::nullopt;
    }
    p.kernel_version = r.required(prov, "kernel");
    p.package = r.required(prov, "package");
    p.package_version = r.required(prov, "package-version");
    p.command = r.required(prov, "command");
    p.clang_target = r.required(prov, "clang-target");
    p.clang_args = prov.attribute("clang-args").value();
    p.stand_in = r.flag(prov, "stand-in");
    std::int64_t word_bits = r.integer(prov, "word-bits");
    if (word_bits != 32 && word_bits != 64)
        r.error(prov, "'word-bits' must be 32 or 64, not " + std::to_string(word_bits));
    p.word_bits = static_cast<int>(word_bits == 32 ? 32 : 64);
    p.byte_order = r.required(prov, "byte-order");
    p.sysroot = prov.attribute("sysroot").value();
    p.approximate_layouts = r.flag(prov, "approximate-layouts");
    p.kernel_source = prov.attribute("kernel-source").value();

    pugi::xml_node syscalls = root.child("syscalls");
    if (!syscalls) r.error(root, "missing <syscalls>");
    for (pugi::xml_node e : syscalls.children("syscall")) {
        Syscall s;
        s.name = r.required(e, "name");
        s.number = r.integer(e, "number");
        s.header = r.required(e, "header");
        s.arch_private = r.flag(e, "arch-private");
        s.entry = e.attribute("entry").value();
        s.compat_entry = e.attribute("compat-entry").value();
        s.implemented = !e.attribute("implemented") || r.flag(e, "implemented");
        facts.syscalls[s.name] = std::move(s);
    }
    r.check_count(syscalls, facts.syscalls.size());
    // Optional: only data made from a kernel source tree has it.
    if (pugi::xml_node list = root.child("multiplexed")) {
        for (pugi::xml_node e : list.children("call")) {
            MultiplexedCall m;
            m.name = r.required(e, "name");
            m.via = r.required(e, "via");
            m.call = r.integer(e, "number");
            m.header = r.required(e, "header");
            facts.multiplexed[m.name] = std::move(m);
        }
        r.check_count(list, facts.multiplexed.size());
    }
    read_signatures(r, root, "entry-points", nullptr, facts.entry_signatures);
    read_signatures(r, root, "generic-entry-points", "call", facts.generic_signatures);
    read_constants(r, root, "errnos", "errno", facts.errnos);
    read_constants(r, root, "constants", "constant", facts.constants);

    pugi::xml_node structs = root.child("structs");
    if (!structs) r.error(root, "missing <structs>");
    for (pugi::xml_node e : structs.children("struct")) {
        StructLayout st;
        st.name = r.required(e, "name");
        st.size = r.count(e, "size");
        st.align = r.count(e, "align");
        st.packed = r.flag(e, "packed");
        st.approximate = r.flag(e, "approximate");
        st.header = r.required(e, "header");
        for (pugi::xml_node fe : e.children("field")) {
            Field f;
            f.name = r.required(fe, "name");
            f.type = r.required(fe, "type");
            f.offset = r.count(fe, "offset");
            f.size = r.count(fe, "size");
            if (fe.attribute("bits")) f.bit_width = static_cast<int>(r.integer(fe, "bits"));
            st.fields.push_back(std::move(f));
        }
        facts.structs[st.name] = std::move(st);
    }
    r.check_count(structs, facts.structs.size());
    r.finish();
    if (!r.ok || !validate_arch_facts(facts, path, diags)) return std::nullopt;
    return facts;
}

}  // namespace manaudit::archdata
