// SharedLibrary: opening a library at run time and looking up its functions.
#include <catch2/catch.hpp>

#include <cstring>
#include <stdexcept>
#include <string>

#include "base/shared_library.h"

using manaudit::SharedLibrary;

namespace {

std::string error_of(void (*action)()) {
    try {
        action();
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("a shared library's functions are called through the pointers it gives", "[shared-library]") {
    // The C library is loaded already; opening it again gives the same functions.
    const SharedLibrary libc("libc.so.6");
    CHECK(libc.soname() == "libc.so.6");
    auto length = libc.function<decltype(&std::strlen)>("strlen");
    REQUIRE(length != nullptr);
    CHECK(length("manaudit") == 8);
}

TEST_CASE("a library that cannot be opened is named in the error", "[shared-library]") {
    const std::string error = error_of([] { SharedLibrary missing("libmanaudit-no-such-library.so.0"); });
    CHECK(error.find("cannot load") != std::string::npos);
    CHECK(error.find("libmanaudit-no-such-library.so.0") != std::string::npos);
}

TEST_CASE("a function the library lacks is named in the error", "[shared-library]") {
    const std::string error = error_of([] {
        const SharedLibrary libc("libc.so.6");
        (void)libc.function<void (*)()>("manaudit_no_such_function");
    });
    CHECK(error == "libc.so.6 has no function manaudit_no_such_function");
}
