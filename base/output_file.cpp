// Atomic output files for everything manaudit writes, and whole-file reads.
#include "base/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace manaudit {

namespace fs = std::filesystem;

bool write_output_file(const std::string& path, const std::string& text, std::string& error) {
    const fs::path target(path);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::error_code ec;
    if (target.filename().empty() || fs::is_directory(target, ec)) {
        error = "is a directory; give a file name";
        return false;
    }
    if (!fs::is_directory(dir, ec)) {
        error = "directory '" + dir.string() + "' does not exist";
        return false;
    }
    std::string temp = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
    int fd = mkstemp(temp.data());
    if (fd < 0) {
        error = "cannot create a file in '" + dir.string() + "': " + std::strerror(errno);
        return false;
    }
    // mkstemp makes the file 0600; an output file gets the usual mode.
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    const char* data = text.data();
    std::size_t left = text.size();
    while (left > 0) {
        ssize_t n = ::write(fd, data, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            error = std::string("cannot write: ") + std::strerror(errno ? errno : EIO);
            ::close(fd);
            ::unlink(temp.c_str());
            return false;
        }
        data += n;
        left -= static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0 || std::rename(temp.c_str(), path.c_str()) != 0) {
        error = std::string("cannot write: ") + std::strerror(errno);
        ::unlink(temp.c_str());
        return false;
    }
    return true;
}

std::optional<std::string> read_text_file(const std::string& path, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = std::strerror(errno ? errno : ENOENT);
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace manaudit
