// Encoding and decoding one file's facts for the fact pack. Every member is
// written: a decoded file is the parsed file (tests/archdata compare their
// XML forms for every shipped file).
#include "arch-data/fact_pack_codec.h"

#include <algorithm>
#include <bit>
#include <vector>

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

// A FactTable is written so that it can be read in place: its entries (key,
// value) in key order, behind a list of where each starts, 32 bits each.
template <typename Value, typename EncodeValue>
void encode_table(Encoder& e, const FactTable<Value>& table, EncodeValue encode_value) {
    Encoder entries, offsets;
    for (const auto& [key, value] : table) {
        offsets.fixed32(static_cast<std::uint32_t>(entries.out.size()));
        entries.text(key);
        encode_value(entries, value);
    }
    e.unsigned_int(table.size());
    e.out += offsets.out;
    e.unsigned_int(entries.out.size());
    e.out += entries.out;
    // The hash slots: at least twice the entries, so probes stay short.
    const std::size_t slot_count = table.empty() ? 0 : std::bit_ceil(2 * table.size());
    std::vector<std::uint32_t> slots(slot_count, 0);
    std::uint32_t index = 0;
    for (const auto& entry : table) {
        std::size_t at = EncodedTable::key_hash(entry.first) & (slot_count - 1);
        while (slots[at] != 0) at = (at + 1) & (slot_count - 1);
        slots[at] = ++index;
    }
    e.unsigned_int(slot_count);
    for (std::uint32_t slot : slots) e.fixed32(slot);
}

// The i-th of the 32-bit words Encoder::fixed32 wrote into `words`.
std::uint32_t fixed32_at(std::string_view words, std::size_t i) {
    std::uint32_t v = 0;
    std::memcpy(&v, words.data() + 4 * i, sizeof v);
    return v;
}

// The key at `at` in `entries`, and where the value after it starts; false
// when the key's length runs past `end`.
bool key_at(std::string_view entries, std::size_t at, std::size_t end, std::string_view& key, std::size_t& value_at) {
    std::uint64_t length = 0;
    for (int shift = 0; at < end && shift < 64; shift += 7) {
        const auto byte = static_cast<unsigned char>(entries[at++]);
        length |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
        if (!(byte & 0x80)) {
            if (length > end - at) return false;
            key = entries.substr(at, length);
            value_at = at + length;
            return true;
        }
    }
    return false;
}

// Reads a table's layout and checks it whole (offsets rising within the
// entries, keys readable and in strictly rising order) without decoding a
// value; the table then stands on these bytes.
template <typename Value>
void decode_table(Decoder& d, FactTable<Value>& table, typename FactTable<Value>::DecodeValue decode_value) {
    const std::uint64_t n = d.unsigned_int();
    if (!d.ok || n > d.in.size() / 4) {
        d.fail();
        return;
    }
    EncodedTable encoded;
    encoded.count = n;
    encoded.offsets = d.in.substr(0, 4 * n);
    d.in.remove_prefix(4 * n);
    const std::uint64_t size = d.unsigned_int();
    if (!d.ok || size > d.in.size()) {
        d.fail();
        return;
    }
    encoded.entries = d.in.substr(0, size);
    d.in.remove_prefix(size);
    std::string_view previous;
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t at = fixed32_at(encoded.offsets, i);
        const std::size_t end = i + 1 < n ? fixed32_at(encoded.offsets, i + 1) : size;
        std::string_view key;
        std::size_t value_at = 0;
        if ((i == 0 && at != 0) || at >= end || end > size || !key_at(encoded.entries, at, end, key, value_at) ||
            (i > 0 && key <= previous)) {
            d.fail();
            return;
        }
        previous = key;
    }
    if (n == 0 && size != 0) {
        d.fail();
        return;
    }
    const std::uint64_t slot_count = d.unsigned_int();
    if (!d.ok || (n == 0 ? slot_count != 0 : (slot_count <= n || !std::has_single_bit(slot_count))) ||
        slot_count > d.in.size() / 4) {
        d.fail();
        return;
    }
    encoded.slots = d.in.substr(0, 4 * slot_count);
    d.in.remove_prefix(4 * slot_count);
    for (std::size_t i = 0; i < slot_count; ++i)
        if (fixed32_at(encoded.slots, i) > n) {
            d.fail();
            return;
        }
    table.attach(encoded, decode_value);
}

// One value from its bytes, all of them.
template <typename Value, void (*decode_value)(Decoder&, Value&)>
bool decode_whole(std::string_view bytes, Value& out) {
    Decoder d{bytes};
    decode_value(d, out);
    return d.ok && d.in.empty();
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
    encode_table(e, facts.errnos, encode_constant);
    encode_table(e, facts.constants, encode_constant);
    encode_table(e, facts.structs, encode_layout);
    encode_map(e, facts.multiplexed, [&](const MultiplexedCall& m) {
        e.text(m.name);
        e.text(m.via);
        e.signed_int(m.call);
        e.text(m.header);
    });
    encode_table(e, facts.entry_signatures, encode_signature);
    encode_table(e, facts.generic_signatures, encode_signature);
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
    decode_table(d, facts.errnos, decode_whole<Constant, decode_constant>);
    decode_table(d, facts.constants, decode_whole<Constant, decode_constant>);
    decode_table(d, facts.structs, decode_whole<StructLayout, decode_layout>);
    decode_map(d, facts.multiplexed, [&](MultiplexedCall& m) {
        m.name = d.text();
        m.via = d.text();
        m.call = d.signed_int();
        m.header = d.text();
    });
    decode_table(d, facts.entry_signatures, decode_whole<EntrySignature, decode_signature>);
    decode_table(d, facts.generic_signatures, decode_whole<EntrySignature, decode_signature>);
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
    encode_table(e, facts.functions, encode_function);
    encode_map(e, facts.headers, [&](bool exists) { e.flag(exists); });
    encode_map(e, facts.typedefs, [&](const std::string& t) { e.text(t); });
    encode_table(e, facts.constants, encode_constant);
    encode_map(e, facts.typedefs_file_offset_64, [&](const std::string& t) { e.text(t); });
    encode_table(e, facts.functions_file_offset_64, encode_function);
}

bool decode(Decoder& d, LibcFacts& facts) {
    LibcProvenance& p = facts.provenance;
    for (std::string* s : {&p.arch_id, &p.libc, &p.libc_version, &p.package, &p.package_version, &p.command,
                           &p.clang_target, &p.clang_args})
        *s = d.text();
    p.stand_in = d.flag();
    p.sysroot = d.text();
    p.defines = d.text();
    decode_table(d, facts.functions, decode_whole<LibcFunction, decode_function>);
    decode_map(d, facts.headers, [&](bool& exists) { exists = d.flag(); });
    decode_map(d, facts.typedefs, [&](std::string& t) { t = d.text(); });
    decode_table(d, facts.constants, decode_whole<Constant, decode_constant>);
    decode_map(d, facts.typedefs_file_offset_64, [&](std::string& t) { t = d.text(); });
    decode_table(d, facts.functions_file_offset_64, decode_whole<LibcFunction, decode_function>);
    return d.ok && d.in.empty();
}

}  // namespace manaudit::archdata::pack

namespace manaudit::archdata {

std::string_view EncodedTable::key(std::size_t i) const {
    // decode_table checked that each key ends within its entry.
    std::string_view k;
    std::size_t value_at = 0;
    pack::key_at(entries, pack::fixed32_at(offsets, i), entries.size(), k, value_at);
    return k;
}

std::string_view EncodedTable::value(std::size_t i) const {
    const std::size_t at = pack::fixed32_at(offsets, i);
    const std::size_t end = i + 1 < count ? pack::fixed32_at(offsets, i + 1) : entries.size();
    std::string_view k;
    std::size_t value_at = 0;
    pack::key_at(entries, at, end, k, value_at);
    return entries.substr(value_at, end - value_at);
}

std::uint64_t EncodedTable::key_hash(std::string_view key) {
    // Eight bytes at a time, then mixed so that the low bits the slots use
    // depend on every byte.
    constexpr std::uint64_t kOdd = 0x9e3779b97f4a7c15ULL;
    std::uint64_t h = key.size() * kOdd;
    for (std::size_t at = 0; at < key.size(); at += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, key.data() + at, std::min<std::size_t>(8, key.size() - at));
        h = (h ^ word) * kOdd;
        h ^= h >> 29;
    }
    h ^= h >> 32;
    h *= 0xd6e8feb86659fd93ULL;
    return h ^ (h >> 32);
}

std::size_t EncodedTable::find(std::string_view wanted) const {
    const std::size_t slot_count = slots.size() / 4;
    if (slot_count == 0) return count;
    const std::size_t mask = slot_count - 1;
    // Bounded by the slots, whatever a damaged table holds.
    std::size_t at = key_hash(wanted) & mask;
    for (std::size_t probes = 0; probes < slot_count; ++probes, at = (at + 1) & mask) {
        const std::uint32_t slot = pack::fixed32_at(slots, at);
        if (slot == 0) return count;
        if (key(slot - 1) == wanted) return slot - 1;
    }
    return count;
}

}  // namespace manaudit::archdata
