// The fact pack: its index, and the lookup by file name and content.
#include "arch-data/fact_pack.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

#include "arch-data/fact_pack_codec.h"

namespace manaudit::archdata {

namespace fs = std::filesystem;

namespace {

constexpr std::uint64_t kOdd = 0x9e3779b97f4a7c15ULL;
constexpr std::string_view kMagic = "manaudit fact pack 4\n";

enum class PackedKind : char { arch = 'a', libc = 'l' };

struct PackedFile {
    PackedKind kind;
    std::string_view name;
    std::uint64_t size;
    std::uint64_t fingerprint;
    /// The encoded facts. They are part of the program, as its code is, so
    /// they are not fingerprinted again on each run; their decoders check
    /// every length and offset all the same.
    std::string_view facts;
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
    entries += e.out;
}

bool is_candidate(const PackedFile& f, PackedKind kind, std::string_view file_name, std::uint64_t size) {
    return f.kind == kind && f.size == size && f.name == file_name;
}

const PackedFile* find_packed(PackedKind kind, std::string_view file_name, std::uint64_t size,
                              std::uint64_t fingerprint) {
    for (const PackedFile& f : installed_files())
        if (is_candidate(f, kind, file_name, size) && f.fingerprint == fingerprint) return &f;
    return nullptr;
}

const PackedFile* find_packed(PackedKind kind, std::string_view file_name, std::string_view xml) {
    const auto& files = installed_files();
    if (std::none_of(files.begin(), files.end(), [&](const PackedFile& f) {
            return is_candidate(f, kind, file_name, xml.size());
        }))
        return nullptr;
    return find_packed(kind, file_name, xml.size(), content_fingerprint(xml));
}

// The packed entry for the file at `path`, its bytes fingerprinted as they
// are read: a file the pack holds is never kept whole in memory.
const PackedFile* find_packed_file(PackedKind kind, const std::string& path) {
    const std::string file_name = fs::path(path).filename().string();
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return nullptr;
    struct stat st {};
    const PackedFile* found = nullptr;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        const auto size = static_cast<std::uint64_t>(st.st_size);
        const auto& files = installed_files();
        if (std::any_of(files.begin(), files.end(),
                        [&](const PackedFile& f) { return is_candidate(f, kind, file_name, size); })) {
            ContentFingerprint fingerprint(size);
            std::vector<char> buffer(std::size_t{1} << 16);
            std::uint64_t seen = 0;
            ssize_t n = 0;
            while ((n = ::read(fd, buffer.data(), buffer.size())) != 0) {
                if (n < 0 && errno == EINTR) continue;
                if (n < 0) break;
                seen += static_cast<std::uint64_t>(n);
                fingerprint.add({buffer.data(), static_cast<std::size_t>(n)});
            }
            // Read whole, and the size it had when opened (else read it as XML).
            if (n == 0 && seen == size) found = find_packed(kind, file_name, size, fingerprint.result());
        }
    }
    ::close(fd);
    return found;
}

template <typename Facts>
std::optional<Facts> decode_packed_file(const PackedFile* file) {
    if (!file) return std::nullopt;
    pack::Decoder d{file->facts};
    Facts facts;
    if (!pack::decode(d, facts)) return std::nullopt;
    return facts;
}

}  // namespace

ContentFingerprint::ContentFingerprint(std::uint64_t size) : lanes_{size ^ 0x6d616e6175646974ULL, 1, 2, 3} {}

void ContentFingerprint::add_blocks(const char* bytes, std::size_t blocks) {
    // Four lanes of multiply-xor over 8-byte words. Each step is a bijection
    // of a lane for a given word, so files that differ in one word never
    // share a fingerprint; and the four lanes keep the multiplier busy.
    for (std::size_t b = 0; b < blocks; ++b)
        for (std::size_t k = 0; k < 4; ++k) {
            std::uint64_t word = 0;
            std::memcpy(&word, bytes + 32 * b + 8 * k, sizeof word);
            lanes_[k] = (lanes_[k] ^ word) * kOdd;
        }
}

void ContentFingerprint::add(std::string_view bytes) {
    // A block begun by the previous piece is completed first.
    if (pending_size_ > 0) {
        const std::size_t take = std::min(bytes.size(), kBlock - pending_size_);
        std::memcpy(pending_ + pending_size_, bytes.data(), take);
        pending_size_ += take;
        bytes.remove_prefix(take);
        if (pending_size_ < kBlock) return;
        add_blocks(pending_, 1);
        pending_size_ = 0;
    }
    const std::size_t whole = bytes.size() / kBlock;
    add_blocks(bytes.data(), whole);
    bytes.remove_prefix(whole * kBlock);
    std::memcpy(pending_, bytes.data(), bytes.size());
    pending_size_ = bytes.size();
}

std::uint64_t ContentFingerprint::result() const {
    std::uint64_t h = mix_bits(lanes_[0]) ^ mix_bits(lanes_[1] + 1) * 3 ^ mix_bits(lanes_[2] + 2) * 5 ^
                      mix_bits(lanes_[3] + 3) * 7;
    // The last bytes short of a block: 8-byte words, then what is left.
    std::size_t at = 0;
    for (; at + 8 <= pending_size_; at += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, pending_ + at, sizeof word);
        h = (h ^ mix_bits(word)) * kOdd;
    }
    std::uint64_t tail = 0;
    if (at < pending_size_) std::memcpy(&tail, pending_ + at, pending_size_ - at);
    return mix_bits(h ^ mix_bits(tail));
}

std::uint64_t content_fingerprint(std::string_view bytes) {
    ContentFingerprint fingerprint(bytes.size());
    fingerprint.add(bytes);
    return fingerprint.result();
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
        PackedFile f{PackedKind::arch, {}, 0, 0, {}};
        if (kind == "l") f.kind = PackedKind::libc;
        else if (kind != "a") d.fail();
        f.name = d.text_view();
        f.size = d.unsigned_int();
        f.fingerprint = d.fixed64();
        f.facts = d.text_view();
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

std::optional<ArchFacts> packed_arch_facts_of_file(const std::string& path) {
    return decode_packed_file<ArchFacts>(find_packed_file(PackedKind::arch, path));
}

std::optional<LibcFacts> packed_libc_facts_of_file(const std::string& path) {
    return decode_packed_file<LibcFacts>(find_packed_file(PackedKind::libc, path));
}

std::size_t installed_pack_files() { return installed_files().size(); }

}  // namespace manaudit::archdata
