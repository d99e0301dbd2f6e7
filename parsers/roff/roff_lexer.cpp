// Logical lines and control-line arguments.
#include "parsers/roff/roff_lexer.h"

#include <cstring>

namespace manaudit::roff {

namespace {

// True if the line ends in a backslash that escapes the newline. Scans escape
// pairs from the left so `\\` at the end is a literal backslash, and a
// comment swallows everything after it. A continued line's earlier physical
// lines never end inside an escape or a comment, so scanning only the last
// physical line is enough.
bool ends_in_continuation(std::string_view line) {
    if (line.empty() || line.back() != '\\') return false;  // most lines: no scan
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] != '\\') continue;
        if (i + 1 == line.size()) return true;
        char next = line[i + 1];
        if (next == '"' || next == '#') return false;
        ++i;
    }
    return false;
}

// memchr is much faster than a byte loop over a whole page.
std::size_t count_newlines(std::string_view source) {
    std::size_t count = 0;
    const char* at = source.data();
    const char* end = at + source.size();
    while (const void* found = std::memchr(at, '\n', static_cast<std::size_t>(end - at))) {
        ++count;
        at = static_cast<const char*>(found) + 1;
    }
    return count;
}

std::vector<SourceLine> split_into_lines(std::string_view source, DiagnosticSink* sink) {
    std::vector<SourceLine> lines;
    lines.reserve(count_newlines(source) + 1);
    std::size_t pos = 0;
    int line_no = 1;
    bool open = false;  // the last line ended in a continuation
    bool cut = false;   // the last line reached kMaxLineBytes
    while (pos < source.size()) {
        const void* found = std::memchr(source.data() + pos, '\n', source.size() - pos);
        std::size_t end = found ? static_cast<std::size_t>(static_cast<const char*>(found) - source.data())
                                : source.size();
        std::string_view physical = source.substr(pos, end - pos);
        if (!physical.empty() && physical.back() == '\r') physical.remove_suffix(1);
        bool continues = found && ends_in_continuation(physical);
        if (continues) physical.remove_suffix(1);
        if (!open) {
            lines.push_back({line_no, line_no, {}, nullptr});
            cut = false;
        }
        SourceLine& current = lines.back();
        current.last_line = line_no;
        if (!cut) {
            std::size_t room = kMaxLineBytes - current.text.size();
            if (physical.size() > room) {
                cut = true;
                if (sink)
                    sink->report(Severity::error, line_no, static_cast<int>(room) + 1,
                                 "line of " + std::to_string(current.text.size() + physical.size()) +
                                     " bytes is longer than the limit of " + std::to_string(kMaxLineBytes) +
                                     "; the rest of it is ignored");
                physical = physical.substr(0, room);
            }
            if (!open) {
                current.text = physical;  // most lines: a view of the source, no copy
            } else {
                if (!current.joined) current.joined = std::make_unique<std::string>(current.text);
                current.joined->append(physical);
                current.text = *current.joined;
            }
        }
        open = continues;
        pos = found ? end + 1 : end;
        ++line_no;
    }
    return lines;
}

}  // namespace

std::vector<SourceLine> split_lines(std::string_view source) { return split_into_lines(source, nullptr); }

std::vector<SourceLine> split_lines(std::string_view source, DiagnosticSink& sink) {
    return split_into_lines(source, &sink);
}

bool is_control_line(std::string_view text) {
    return !text.empty() && (text[0] == '.' || text[0] == '\'');
}

namespace {

// A quoted argument, from just after its opening quote: "" stands for a
// quote, and a comment or the line's end closes it too. Copied in runs, not
// byte by byte. Returns where the argument ends.
std::size_t read_quoted_argument(std::string_view text, std::size_t i, std::string& arg) {
    const std::size_t n = text.size();
    std::size_t run = i;
    while (i < n) {
        char c = text[i];
        if (c == '"') {
            arg.append(text.substr(run, i - run));
            if (i + 1 < n && text[i + 1] == '"') {
                arg += '"';
                i += 2;
                run = i;
                continue;
            }
            run = ++i;
            break;
        }
        if (c == '\\' && i + 1 < n) {
            if (text[i + 1] == '"') break;  // a comment ends the quoted argument too
            i += 2;
            continue;
        }
        ++i;
    }
    if (run < i) arg.append(text.substr(run, i - run));
    return i;
}

// Where an unquoted argument starting at `i` ends: at a blank or a comment.
std::size_t plain_argument_end(std::string_view text, std::size_t i) {
    const std::size_t n = text.size();
    while (i < n && text[i] != ' ' && text[i] != '\t') {
        if (text[i] == '\\' && i + 1 < n) {
            if (text[i + 1] == '"' || text[i + 1] == '#') break;
            i += 2;
            continue;
        }
        ++i;
    }
    return i;
}

}  // namespace

void split_arguments(std::string_view text, std::size_t offset, ControlLine& out) {
    std::size_t i = offset;
    const std::size_t n = text.size();

    while (true) {
        while (i < n && (text[i] == ' ' || text[i] == '\t')) ++i;
        if (i >= n) return;
        if (text[i] == '\\' && i + 1 < n && (text[i + 1] == '"' || text[i + 1] == '#')) {
            out.has_comment = true;
            out.comment_column = static_cast<int>(i) + 1;
            out.comment = std::string(text.substr(i + 2));
            return;
        }
        std::string arg;
        int column = static_cast<int>(i) + 1;
        // Arguments are copied in runs, not byte by byte: most lines are macros.
        if (text[i] == '"') {
            i = read_quoted_argument(text, i + 1, arg);
        } else {
            const std::size_t start = i;
            i = plain_argument_end(text, i);
            arg.assign(text.substr(start, i - start));
        }
        if (out.args.capacity() == 0) {
            // Lines with arguments mostly have a few: one allocation each for them.
            constexpr std::size_t kUsualArguments = 4;
            out.args.reserve(kUsualArguments);
            out.arg_columns.reserve(kUsualArguments);
        }
        out.args.push_back(std::move(arg));
        out.arg_columns.push_back(column);
    }
}

ControlLine split_control_line(std::string_view text) {
    ControlLine out;
    std::size_t i = 1;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (text.substr(i, 2) == "\\\"") {
        out.name = "\\\"";
        out.name_column = static_cast<int>(i) + 1;
        out.has_comment = true;
        out.comment_column = static_cast<int>(i) + 1;
        out.comment = std::string(text.substr(i + 2));
        return out;
    }
    std::size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t') {
        // A name ends where an escape begins (`.B\fI` is unusual but legal).
        if (text[i] == '\\' && i > start) break;
        ++i;
    }
    out.name = std::string(text.substr(start, i - start));
    out.name_column = static_cast<int>(start) + 1;
    split_arguments(text, i, out);
    return out;
}

}  // namespace manaudit::roff
