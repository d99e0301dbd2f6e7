// manaudit-pack: parses every shipped data file once, at build time, into the
// fact pack the program links in (see arch-data/fact_pack.h).
// Usage: manaudit-pack OUTPUT DATA_ROOT
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "arch-data/fact_pack.h"
#include "arch-data/libc_store.h"
#include "arch-data/store.h"
#include "base/output_file.h"

namespace fs = std::filesystem;
using namespace manaudit;

namespace {

std::vector<fs::path> sorted_files(const fs::path& dir) {
    std::vector<fs::path> out;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.path().extension() == ".xml") out.push_back(entry.path());
    std::sort(out.begin(), out.end());
    return out;
}

// A file that does not parse is left out with its errors shown: the program
// then reads it as XML and reports the same errors where it is used.
template <typename Parse>
void add_file(archdata::FactPackWriter& writer, const fs::path& file, Parse parse) {
    std::string error;
    std::optional<std::string> text = read_text_file(file.string(), error);
    Diagnostics diags;
    if (text) {
        if (auto facts = parse(*text, file.string(), diags)) {
            writer.add(file.filename().string(), *text, *facts);
            return;
        }
    }
    std::fprintf(stderr, "manaudit-pack: %s left out: %s\n", file.c_str(),
                 diags.empty() ? error.c_str() : diags.front().message.c_str());
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: manaudit-pack OUTPUT DATA_ROOT\n");
        return 2;
    }
    const fs::path root = argv[2];
    std::vector<fs::path> sets;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(root, ec))
        if (entry.is_directory()) sets.push_back(entry.path());
    std::sort(sets.begin(), sets.end());
    archdata::FactPackWriter writer;
    for (const fs::path& set : sets) {
        std::string name = set.filename().string();
        for (const fs::path& file : sorted_files(set)) {
            if (name.starts_with("linux-")) add_file(writer, file, archdata::parse_arch_xml);
            else if (name.starts_with("glibc-")) add_file(writer, file, archdata::parse_libc_xml);
        }
    }
    std::string error;
    if (!write_output_file(argv[1], writer.bytes(), error)) {
        std::fprintf(stderr, "manaudit-pack: %s: %s\n", argv[1], error.c_str());
        return 1;
    }
    return 0;
}
