// The report of the installed release in Debian's headless Chromium: every ABI
// in the live matrix, no console message, a screenshot that shows something,
// under 5 MB. How long it takes to render is bench/report_bench.sh's figure.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "arch-data/arch_table.h"
#include "arch-data/store.h"
#include "png_image.h"

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string find_chromium() {
    for (const char* candidate : {"/usr/bin/chromium", "/usr/bin/chromium-headless-shell"})
        if (::access(candidate, X_OK) == 0) return candidate;
    return {};
}

struct Browser {
    std::string binary;
    fs::path scratch;
    int runs = 0;

    struct Output {
        int status = -1;
        std::string out, err;
    };

    // One headless run with a fresh profile and no network or background work.
    Output run(const std::string& args) {
        fs::path profile = scratch / ("profile-" + std::to_string(++runs));
        fs::create_directories(profile);
        fs::path out = scratch / "browser.out", err = scratch / "browser.err";
        std::string cmd = "timeout 120 " + binary +
                          " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
                          " --disable-background-networking --disable-component-update --disable-sync"
                          " --user-data-dir=" + profile.string() + " --enable-logging=stderr --v=0 " + args +
                          " >" + out.string() + " 2>" + err.string();
        int raw = std::system(cmd.c_str());
        return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, slurp(out), slurp(err)};
    }
};

// Console messages Chromium logs for pages: `INFO:CONSOLE...] "message", source: URL (line)`.
std::vector<std::string> console_lines(const std::string& log) {
    std::vector<std::string> lines;
    std::istringstream in(log);
    for (std::string line; std::getline(in, line);)
        if (line.find(":CONSOLE") != std::string::npos) lines.push_back(line);
    return lines;
}

}  // namespace

TEST_CASE("browser: the release report in headless Chromium", "[integration][report][browser]") {
    Browser browser{find_chromium(), {}};
    if (browser.binary.empty()) {
        WARN("SKIP: no chromium or chromium-headless-shell installed (scripts/install-deps.sh installs chromium)");
        return;
    }
    if (!fs::exists("/usr/share/man/man2/open.2.gz") && !fs::exists("/usr/share/man/man2/open.2")) {
        WARN("SKIP: no man-pages release under /usr/share/man");
        return;
    }
    browser.scratch = fs::temp_directory_path() / ("manaudit-browser-" + std::to_string(::getpid()));
    fs::remove_all(browser.scratch);
    fs::create_directories(browser.scratch);
    const fs::path report = browser.scratch / "report.html";

    // The report of the installed release against every shipped ABI.
    std::string make = std::string(MANAUDIT_BINARY) + " report --exit-zero -j 2 -o " + report.string();
    REQUIRE(std::system(make.c_str()) == 0);
    const auto size = fs::file_size(report);
    std::printf("browser: report.html is %.2f MB\n", double(size) / (1024 * 1024));
    CHECK(size < 5u * 1024 * 1024);

    // The live DOM after the script ran: every ABI in the matrix head.
    auto dom = browser.run("--dump-dom file://" + report.string());
    REQUIRE(dom.status == 0);
    auto matrix = dom.out.find("id=\"page-matrix\"");
    REQUIRE(matrix != std::string::npos);
    const std::string head = dom.out.substr(matrix, dom.out.find("</thead>", matrix) - matrix);
    // Every ABI of the newest shipped data set (the report's default).
    const fs::path data = manaudit::archdata::default_arch_data_dir();
    int columns = 0;
    for (const auto& arch : manaudit::archdata::all_arches()) {
        if (!fs::exists(data / (std::string(arch.id) + ".xml"))) continue;
        INFO(arch.id);
        ++columns;
        CHECK(head.find("data-arch=\"" + std::string(arch.id) + "\"") != std::string::npos);
    }
    CHECK(columns == 29);
    // The filter box is shown by the script: it ran to the end.
    auto filter = dom.out.find("data-filter=\"page-matrix\"");
    REQUIRE(filter != std::string::npos);
    auto tag_start = dom.out.rfind('<', filter);
    CHECK(dom.out.substr(tag_start, dom.out.find('>', filter) - tag_start).find("hidden") == std::string::npos);
    CHECK(console_lines(dom.err).empty());
    for (const auto& line : console_lines(dom.err)) WARN(line);

    // A screenshot at a laptop's size that is not blank.
    const fs::path shot = fs::current_path() / "report-screenshot.png";
    fs::remove(shot);
    auto screenshot = browser.run("--window-size=1366,900 --screenshot=" + shot.string() + " file://" + report.string());
    REQUIRE(screenshot.status == 0);
    CHECK(console_lines(screenshot.err).empty());
    auto image = manaudit::testing::decode_png(slurp(shot));
    REQUIRE(image);
    CHECK(image->width == 1366);
    CHECK(image->height == 900);
    std::size_t not_white = 0;
    std::set<std::uint32_t> colours;
    const std::size_t n = std::size_t(image->width) * image->height;
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint8_t* p = &image->pixels[i * image->channels];
        not_white += p[0] < 240 || p[1] < 240 || p[2] < 240;
        colours.insert(std::uint32_t(p[0]) << 16 | std::uint32_t(p[1]) << 8 | p[2]);
    }
    const double ink = double(not_white) / double(n);
    std::printf("browser: screenshot %s: %.1f%% of pixels not white, %zu colours\n", shot.c_str(), ink * 100,
                colours.size());
    CHECK(ink > 0.05);
    CHECK(colours.size() > 16);

    // Render time is measured by bench/report_bench.sh, not asserted here.

    // The console check can fail: a page that logs an error is caught.
    std::ofstream(browser.scratch / "noisy.html")
        << "<!DOCTYPE html><html><body><script>console.error('noisy page');</script></body></html>\n";
    auto noisy = browser.run("--dump-dom file://" + (browser.scratch / "noisy.html").string());
    CHECK(console_lines(noisy.err).size() == 1);

    std::error_code ec;
    fs::remove_all(browser.scratch, ec);
}
