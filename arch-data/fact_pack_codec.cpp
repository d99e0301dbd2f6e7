// Encoding and decoding one file's facts for the fact pack. Every member is
// written: a decoded file is the parsed file (tests/archdata compare their
// XML forms for every shipped file).
#include "arch-data/fact_pack_codec.h"

#include <algorithm>

namespace manaudit::archdata::pack {

namespace {

// Lists are reserved up front, but never more than this on a count that a
// damaged pack may have made huge.
constexpr std::uint64_t kReserveAtMost = 64;

template <typename Value, typename EncodeValue>
void encode_map(Encoder& e, const std::map<std::string, Value>& map, EncodeValue encode_value) {
    e.unsigned_int(map.size());
    for (const auto& [key, value] : map) {
        e.text(key);
        encode_value(value);
    }
}

// Keys come sorted (the encoder walked a std::map), so each insert is at the end.
template <typename Value, typename DecodeValue>
void decode_map(Decoder& d, std::map<std::string, Value>& map, DecodeValue decode_value) {
    std::uint64_t n = d.count();
    for (std::uint64_t i = 0; i < n && d.ok; ++i) {
        std::string key = d.text();
        Value value{};
        decode_value(value);
        map.emplace_hint(map.end(), std::move(key), std::move(value));
    }
}

void encode_constant(Encoder& e, const Constant& c) {
    e.text(c.name);
    e.signed_int(c.value);
    e.flag(c.is_unsigned);
    e.text(c.header);
    e.flag(c.value_time64.has_value());
    if (c.value_time64) e.signed_int(*c.value_time64);
}

void decode_constant(Decoder& d, Constant& c) {
    c.name = d.text();
    c.value = d.signed_int();
    c.is_unsigned = d.flag();
    c.header = d.text();
    if (d.flag()) c.value_time64 = d.signed_int();
}

void encode_signature(Encoder& e, const EntrySignature& s) {
    e.text(s.name);
    e.unsigned_int(s.params.size());
    for (const KernelParam& p : s.params) {
        e.text(p.type);
        e.text(p.name);
    }
    e.text(s.source);
}

void decode_signature(Decoder& d, EntrySignature& s) {
    s.name = d.text();
    std::uint64_t n = d.count();
    s.params.reserve(std::min<std::uint64_t>(n, kReserveAtMost));
    for (std::uint64_t i = 0; i < n && d.ok; ++i) {
        KernelParam p;
        p.type = d.text();
        p.name = d.text();
        s.params.push_back(std::move(p));
    }
    s.source = d.text();
}

void encode_provenance(Encoder& e, const Provenance& p) {
    for (const std::string* s : {&p.arch_id, &p.kernel_version, &p.package, &p.package_version, &p.command,
                                 &p.clang_target, &p.clang_args})
        e.text(*s);
    e.flag(p.stand_in);
    e.signed_int(p.word_bits);
    e.text(p.byte_order);
    e.text(p.sysroot);
    e.flag(p.approximate_layouts);
    e.text(p.kernel_source);
}

void decode_provenance(Decoder& d, Provenance& p) {
    for (std::string* s : {&p.arch_id, &p.kernel_version, &p.package, &p.package_version, &p.command,
                           &p.clang_target, &p.clang_args})
        *s = d.text();
    p.stand_in = d.flag();
    p.word_bits = static_cast<int>(d.signed_int());
    p.byte_order = d.text();
    p.sysroot = d.text();
    p.approximate_layouts = d.flag();
    p.kernel_source = d.text();
}

void encode_layout(Encoder& e, const StructLayout& st) {
    e.text(st.name);
    e.unsigned_int(st.size);
    e.unsigned_int(st.align);
    e.flag(st.packed);
    e.flag(st.approximate);
    e.text(st.header);
    e.unsigned_int(st.fields.size());
    for (const Field& f : st.fields) {
        e.text(f.name);
        e.text(f.type);
        e.unsigned_int(f.offset);
        e.unsigned_int(f.size);
        e.signed_int(f.bit_width);
    }
}

void decode_layout(Decoder& d, StructLayout& st) {
    st.name = d.text();
    st.size = d.unsigned_int();
    st.align = d.unsigned_int();
    st.packed = d.flag();
    st.approximate = d.flag();
    st.header = d.text();
    std::uint64_t n = d.count();
    st.fields.reserve(std::min<std::uint64_t>(n, kReserveAtMost));
    for (std::uint64_t i = 0; i < n && d.ok; ++i) {
        Field f;
        f.name = d.text();
        f.type = d.text();
        f.offset = d.unsigned_int();
        f.size = d.unsigned_int();
        f.bit_width = static_cast<int>(d.signed_int());
        st.fields.push_back(std::move(f));
    }
}

void encode_type(Encoder& e, const LibcType& t) {
    e.text(t.canonical);
    e.text(t.spelled);
    e.unsigned_int(t.alternatives.size());
    for (const std::string& a : t.alternatives) e.text(a);
}

void decode_type(Decoder& d, LibcType& t) {
    t.canonical = d.text();
    t.spelled = d.text();
    std::uint64_t n = d.count();
    for (std::uint64_t i = 0; i < n && d.ok; ++i) t.alternatives.push_back(d.text());
}

void encode_function(Encoder& e, const LibcFunction& f) {
    e.text(f.name);
    encode_type(e, f.result);
    e.unsigned_int(f.params.size());
    for (const LibcType& t : f.params) encode_type(e, t);
    e.flag(f.variadic);
    e.text(f.header);
    e.signed_int(f.line);
}

void decode_function(Decoder& d, LibcFunction& f) {
    f.name = d.text();
    decode_type(d, f.result);
    std::uint64_t n = d.count();
    f.params.reserve(std::min<std::uint64_t>(n, kReserveAtMost));
    for (std::uint64_t i = 0; i < n && d.ok; ++i) decode_type(d, f.params.emplace_back());
    f.variadic = d.flag();
    f.header = d.text();
    f.line = static_cast<int>(d.signed_int());
}

}  // namespace

void encode(Encoder& e, const ArchFacts& facts) {
    encode_provenance(e, facts.provenance);
    encode_map(e, facts.syscalls, [&](const Syscall& s) {
        e.text(s.name);
        e.signed_int(s.number);
        e.text(s.header);
        e.flag(s.arch_private);
        e.text(s.entry);
        e.text(s.compat_entry);
        e.flag(s.implemented);
    });
    encode_map(e, facts.errnos, [&](const Constant& c) { encode_constant(e, c); });
    encode_map(e, facts.constants, [&](const Constant& c) { encode_constant(e, c); });
    encode_map(e, facts.structs, [&](const StructLayout& st) { encode_layout(e, st); });
    encode_map(e, facts.multiplexed, [&](const MultiplexedCall& m) {
        e.text(m.name);
        e.text(m.via);
        e.signed_int(m.call);
        e.text(m.header);
    });
    encode_map(e, facts.entry_signatures, [&](const EntrySignature& s) { encode_signature(e, s); });
    encode_map(e, facts.generic_signatures, [&](const EntrySignature& s) { encode_signature(e, s); });
}

bool decode(Decoder& d, ArchFacts& facts) {
    decode_provenance(d, facts.provenance);
    decode_map(d, facts.syscalls, [&](Syscall& s) {
        s.name = d.text();
        s.number = d.signed_int();
        s.header = d.text();
        s.arch_private = d.flag();
        s.entry = d.text();
        s.compat_entry = d.text();
        s.implemented = d.flag();
    });
    decode_map(d, facts.errnos, [&](Constant& c) { decode_constant(d, c); });
    decode_map(d, facts.constants, [&](Constant& c) { decode_constant(d, c); });
    decode_map(d, facts.structs, [&](StructLayout& st) { decode_layout(d, st); });
    decode_map(d, facts.multiplexed, [&](MultiplexedCall& m) {
        m.name = d.text();
        m.via = d.text();
        m.call = d.signed_int();
        m.header = d.text();
    });
    decode_map(d, facts.entry_signatures, [&](EntrySignature& s) { decode_signature(d, s); });
    decode_map(d, facts.generic_signatures, [&](EntrySignature& s) { decode_signature(d, s); });
    return d.ok && d.in.empty();
}

void encode(Encoder& e, const LibcFacts& facts) {
    const LibcProvenance& p = facts.provenance;
    for (const std::string* s : {&p.arch_id, &p.libc, &p.libc_version, &p.package, &p.package_version, &p.command,
                                 &p.clang_target, &p.clang_args})
        e.text(*s);
    e.flag(p.stand_in);
    e.text(p.sysroot);
    e.text(p.defines);
    encode_map(e, facts.functions, [&](const LibcFunction& f) { encode_function(e, f); });
    encode_map(e, facts.headers, [&](bool exists) { e.flag(exists); });
    encode_map(e, facts.typedefs, [&](const std::string& t) { e.text(t); });
    encode_map(e, facts.constants, [&](const Constant& c) { encode_constant(e, c); });
    encode_map(e, facts.typedefs_file_offset_64, [&](const std::string& t) { e.text(t); });
    encode_map(e, facts.functions_file_offset_64, [&](const LibcFunction& f) { encode_function(e, f); });
}

bool decode(Decoder& d, LibcFacts& facts) {
    LibcProvenance& p = facts.provenance;
    for (std::string* s : {&p.arch_id, &p.libc, &p.libc_version, &p.package, &p.package_version, &p.command,
                           &p.clang_target, &p.clang_args})
        *s = d.text();
    p.stand_in = d.flag();
    p.sysroot = d.text();
    p.defines = d.text();
    decode_map(d, facts.functions, [&](LibcFunction& f) { decode_function(d, f); });
    decode_map(d, facts.headers, [&](bool& exists) { exists = d.flag(); });
    decode_map(d, facts.typedefs, [&](std::string& t) { t = d.text(); });
    decode_map(d, facts.constants, [&](Constant& c) { decode_constant(d, c); });
    decode_map(d, facts.typedefs_file_offset_64, [&](std::string& t) { t = d.text(); });
    decode_map(d, facts.functions_file_offset_64, [&](LibcFunction& f) { decode_function(d, f); });
    return d.ok && d.in.empty();
}

}  // namespace manaudit::archdata::pack
