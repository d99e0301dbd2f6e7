// `manaudit extract --libc`: the C library's facts for what pages document.
#pragma once

#include <string>
#include <vector>

namespace manaudit::cli {

struct LibcExtractOptions {
    std::vector<std::string> pages;  ///< pages, trees or tarballs; empty = the installed release
    std::string arch;                ///< one ABI; empty = every ABI with a C library installed
    std::string output;              ///< a directory (one <arch>.xml each), or a file with --arch
    std::string command;             ///< the command line, for the files' provenance
    int jobs = 2;
};

int run_libc_extract(const LibcExtractOptions& options);

}  // namespace manaudit::cli
