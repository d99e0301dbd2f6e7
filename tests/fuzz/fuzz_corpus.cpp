// Fuzz target: the corpus reader on the bytes of a compressed page and of a
// tarball (gzip, tar, and whatever libarchive recognises).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>

#include <unistd.h>

#include "manpages/corpus.h"

namespace {

// A directory for the inputs, removed when the fuzzer exits.
struct Scratch {
    std::filesystem::path dir;
    Scratch() {
        auto base = std::filesystem::exists("/dev/shm") ? std::filesystem::path("/dev/shm")
                                                        : std::filesystem::temp_directory_path();
        dir = base / ("manaudit-fuzz-corpus-" + std::to_string(::getpid()));
        std::filesystem::create_directories(dir / "man2");
    }
    ~Scratch() {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
};

const std::filesystem::path& scratch() {
    static const Scratch s;
    return s.dir;
}

void write_file(const std::filesystem::path& path, const std::uint8_t* data, std::size_t size) {
    if (FILE* f = std::fopen(path.c_str(), "wb")) {
        if (size > 0) std::fwrite(data, 1, size, f);
        std::fclose(f);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto& dir = scratch();
    manaudit::manpages::CorpusOptions options;
    options.max_page_bytes = std::size_t{4} << 20;

    const auto page = dir / "man2" / "fuzz.2.gz";
    write_file(page, data, size);
    manaudit::manpages::Corpus from_page = manaudit::manpages::read_corpus({page.string()}, options);

    const auto tarball = dir / "fuzz.tar.gz";
    write_file(tarball, data, size);
    manaudit::manpages::Corpus from_tarball = manaudit::manpages::read_corpus({tarball.string()}, options);
    return 0;
}
