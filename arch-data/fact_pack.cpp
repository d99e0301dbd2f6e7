// The fact pack: its index, and the lookup by file name and content.
#include "arch-data/fact_pack.h"

#include <cstring>
#include <vector>

#include "arch-data/fact_pack_codec.h"

namespace manaudit::archdata {

namespace {

constexpr std::string_view kMagic = "manaudit fact pack 2\n";

enum class PackedKind : char { arch = 'a', libc = 'l' };

struct PackedFile {
    PackedKind kind;
    std::string_view name;
    std::uint64_t size;
    std::uint64_t fingerprint;
    std::string_view facts;  ///< the encoded facts
    /// The encoded facts' own fingerprint: their tables are read in place,
    /// entry by entry, so damage must show before any is.
    std::uint64_t facts_fingerprint;
};

// Set once by install_fact_pack, at start-up, before any reader runs.
std::vector<PackedFile>& installed_files() {
    static std::vector<PackedFile> files;
    return files;
}

std::uint64_t mix_bits(std::uint64_t v) {
    v ^= v >> 31;
    v *= 0x7fb5d329728ea185ULL;
    v ^= v >> 27;
    v *= 0x81dadef4bc2dd44dULL;
    v ^= v >> 33;
    return v;
}

void add_packed_entry(std::string& entries, PackedKind kind, std::string_view file_name, std::string_view xml,
               const std::string& facts) {
    pack::Encoder e;
    e.out.push_back(static_cast<char>(kind));
    e.text(file_name);
    e.unsigned_int(xml.size());
    e.fixed64(content_fingerprint(xml));
    e.text(facts);
    e.fixed64(content_fingerprint(facts));
    entries += e.out;
}

const PackedFile* find_packed(PackedKind kind, std::string_view file_name, std::string_view xml) {
    std::uint64_t fingerprint = 0;
    bool fingerprinted = false;
    for (const PackedFile& f : installed_files()) {
        if (f.kind != kind || f.size != xml.size() || f.name != file_name) continue;
        if (!fingerprinted) {
            fingerprint = content_fingerprint(xml);
            fingerprinted = true;
        }
        if (f.fingerprint == fingerprint) return &f;
    }
    return nullptr;
}

template <typename Facts>
std::optional<Facts> decode_packed_file(const PackedFile* file) {
    if (!file || content_fingerprint(file->facts) != file->facts_fingerprint) return std::nullopt;
    pack::Decoder d{file->facts};
    Facts facts;
    if (!pack::decode(d, facts)) return std::nullopt;
    return facts;
}

}  // namespace

std::uint64_t content_fingerprint(std::string_view bytes) {
    // Four lanes of multiply-xor over 8-byte words, mixed at the end. Each
    // step is a bijection of a lane for a given word, so files that differ
    // in one word never share a fingerprint; and the four lanes keep the
    // multiplier busy, so hashing the shipped 10 MB costs few instructions.
    constexpr std::uint64_t kOdd = 0x9e3779b97f4a7c15ULL;
    std::uint64_t lanes[4] = {bytes.size() ^ 0x6d616e6175646974ULL, 1, 2, 3};
    std::size_t at = 0;
    for (; at + 32 <= bytes.size(); at += 32)
        for (std::size_t k = 0; k < 4; ++k) {
            std::uint64_t word = 0;
            std::memcpy(&word, bytes.data() + at + 8 * k, sizeof word);
            lanes[k] = (lanes[k] ^ word) * kOdd;
        }
    std::uint64_t h = mix_bits(lanes[0]) ^ mix_bits(lanes[1] + 1) * 3 ^ mix_bits(lanes[2] + 2) * 5 ^
                      mix_bits(lanes[3] + 3) * 7;
    for (; at + 8 <= bytes.size(); at += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, bytes.data() + at, sizeof word);
        h = (h ^ mix_bits(word)) * kOdd;
    }
    std::uint64_t tail = 0;
    if (at < bytes.size()) std::memcpy(&tail, bytes.data() + at, bytes.size() - at);
    return mix_bits(h ^ mix_bits(tail));
}

void FactPackWriter::add(std::string_view file_name, std::string_view xml, const ArchFacts& facts) {
    pack::Encoder e;
    pack::encode(e, facts);
    add_packed_entry(entries_, PackedKind::arch, file_name, xml, e.out);
    ++count_;
}

void FactPackWriter::add(std::string_view file_name, std::string_view xml, const LibcFacts& facts) {
    pack::Encoder e;
    pack::encode(e, facts);
    add_packed_entry(entries_, PackedKind::libc, file_name, xml, e.out);
    ++count_;
}

std::string FactPackWriter::bytes() const {
    pack::Encoder e;
    e.out = kMagic;
    e.unsigned_int(count_);
    return e.out + entries_;
}

void install_fact_pack(std::string_view bytes) {
    installed_files().clear();
    std::vector<PackedFile> files;
    pack::Decoder d{bytes};
    if (!bytes.starts_with(kMagic)) return;
    d.in.remove_prefix(kMagic.size());
    std::uint64_t n = d.count();
    for (std::uint64_t i = 0; i < n && d.ok; ++i) {
        std::string_view kind = d.in.substr(0, 1);
        d.in.remove_prefix(kind.size());
        PackedFile f{PackedKind::arch, {}, 0, 0, {}, 0};
        if (kind == "l") f.kind = PackedKind::libc;
        else if (kind != "a") d.fail();
        f.name = d.text_view();
        f.size = d.unsigned_int();
        f.fingerprint = d.fixed64();
        f.facts = d.text_view();
        f.facts_fingerprint = d.fixed64();
        files.push_back(f);
    }
    if (d.ok && d.in.empty()) installed_files() = std::move(files);
}

std::optional<ArchFacts> packed_arch_facts(std::string_view file_name, std::string_view xml) {
    return decode_packed_file<ArchFacts>(find_packed(PackedKind::arch, file_name, xml));
}

std::optional<LibcFacts> packed_libc_facts(std::string_view file_name, std::string_view xml) {
    return decode_packed_file<LibcFacts>(find_packed(PackedKind::libc, file_name, xml));
}

std::size_t installed_pack_files() { return installed_files().size(); }

}  // namespace manaudit::archdata
