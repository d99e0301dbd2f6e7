// Identities from the command line or git config; mail dates.
#include "patches/identity.h"

#include <cstdio>
#include <cstdlib>
#include <memory>

namespace manaudit::patches {

namespace {

std::string trim(std::string s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t'))
        s.pop_back();
    std::size_t start = 0;
    while (start < s.size() && (s[start] == ' ' || s[start] == '\t')) ++start;
    return s.substr(start);
}

// Quotes for a POSIX shell: the directory may contain anything.
std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string run_git_config(const std::string& directory, const char* key) {
    std::string command = "git";
    if (!directory.empty()) command += " -C " + shell_quote(directory);
    command += std::string(" config --get ") + key + " 2>/dev/null";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    if (!pipe) return {};
    std::string out;
    char buf[256];
    while (std::fgets(buf, sizeof buf, pipe.get())) out += buf;
    return trim(out);
}

}  // namespace

std::optional<Identity> parse_identity(const std::string& text) {
    std::size_t open = text.rfind('<');
    std::size_t close = text.rfind('>');
    if (open == std::string::npos || close == std::string::npos || close < open) return std::nullopt;
    Identity id{trim(text.substr(0, open)), trim(text.substr(open + 1, close - open - 1))};
    if (!trim(text.substr(close + 1)).empty()) return std::nullopt;
    if (id.name.empty() || id.email.empty() || id.email.find('@') == std::string::npos) return std::nullopt;
    for (char c : id.name + id.email)
        if (c == '\n' || c == '\r' || c == '<' || c == '>') return std::nullopt;
    return id;
}

std::optional<Identity> git_config_identity(const std::string& directory) {
    Identity id{run_git_config(directory, "user.name"), run_git_config(directory, "user.email")};
    if (id.name.empty() || id.email.empty()) return std::nullopt;
    return id;
}

std::string rfc2822_date(std::time_t when) {
    std::tm tm{};
    gmtime_r(&when, &tm);
    // Spelled out: strftime's %a and %b follow the locale, mail headers must not.
    static const char* const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s, %d %s %d %02d:%02d:%02d +0000", days[tm.tm_wday], tm.tm_mday,
                  months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
    return buf;
}

std::time_t patch_date_now() {
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
        char* end = nullptr;
        long long v = std::strtoll(epoch, &end, 10);
        if (end && *end == '\0' && end != epoch) return static_cast<std::time_t>(v);
    }
    return std::time(nullptr);
}

}  // namespace manaudit::patches
