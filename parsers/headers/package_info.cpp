// Asks dpkg which package installed the headers and at which version.
#include "parsers/headers/package_info.h"

#include <array>
#include <cstdio>

namespace manaudit::headers {

namespace {

// Single-quotes `s` for /bin/sh.
std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'') out += "'\\''";
        else out += c;
    }
    return out + "'";
}

std::string run_first_line(const std::string& command) {
    FILE* p = popen((command + " 2>/dev/null").c_str(), "r");
    if (!p) return {};
    std::array<char, 512> buf{};
    std::string out;
    if (std::fgets(buf.data(), buf.size(), p)) out = buf.data();
    pclose(p);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
}

std::string installed_version(const std::string& package) {
    return run_first_line("dpkg-query -W -f='${db:Status-Abbrev}${Version}' " + shell_quote(package));
}

}  // namespace

PackageInfo headers_package(const archdata::ArchInfo& arch, const std::string& sysroot, bool default_sysroot) {
    PackageInfo info;
    std::string package;
    if (default_sysroot) {
        package = "linux-libc-dev-" + std::string(arch.debian_arch) + "-cross";
    } else {
        // "linux-libc-dev-arm64-cross: /usr/aarch64-linux-gnu/include/asm/unistd.h"
        std::string owner = run_first_line("dpkg-query -S " + shell_quote(sysroot + "/asm/unistd.h"));
        std::size_t colon = owner.find(':');
        if (colon == std::string::npos) return info;
        package = owner.substr(0, colon);
    }
    std::string status_version = installed_version(package);
    // "ii 6.1.4-1cross1": installed packages only.
    if (status_version.size() < 4 || status_version.substr(0, 2) != "ii") return info;
    std::size_t start = status_version.find_first_not_of(' ', 2);
    if (start == std::string::npos) return info;
    info.name = package;
    info.version = status_version.substr(start);
    return info;
}

PackageInfo libc_package(const archdata::ArchInfo& arch, bool host) {
    PackageInfo info;
    const std::string debian_arch(arch.debian_arch);
    std::string package = host ? "libc6-dev"
                          : debian_arch == "alpha" ? "libc6.1-dev-alpha-cross"
                                                   : "libc6-dev-" + debian_arch + "-cross";
    std::string status_version = installed_version(package);
    if (status_version.size() < 4 || status_version.substr(0, 2) != "ii") return info;
    std::size_t start = status_version.find_first_not_of(' ', 2);
    if (start == std::string::npos) return info;
    info.name = package;
    info.version = status_version.substr(start);
    return info;
}

}  // namespace manaudit::headers
