// Atomic output files for everything manaudit writes, and whole-file reads.
#include "base/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

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
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        error = std::strerror(errno);
        return std::nullopt;
    }
    // One buffer of the file's size (and a byte, for the read that sees the
    // end), filled in place: a growing stream copies the bytes several times.
    struct stat st {};
    std::string text;
    std::size_t expected = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? static_cast<std::size_t>(st.st_size) : 0;
    text.resize(expected + 1);
    std::size_t used = 0;
    while (true) {
        if (used == text.size()) text.resize(std::max<std::size_t>(2 * text.size(), 65536));
        ssize_t n = ::read(fd, text.data() + used, text.size() - used);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            error = std::strerror(errno);
            ::close(fd);
            return std::nullopt;
        }
        if (n == 0) break;
        used += static_cast<std::size_t>(n);
    }
    ::close(fd);
    text.resize(used);
    return text;
}

}  // namespace manaudit
