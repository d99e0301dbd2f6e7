// Values that live until the process ends.
#pragma once

#include <utility>

namespace manaudit::cli {

/// Moves `value` into storage that is never freed and returns it. A run's
/// model (pages, facts, findings) is a million small allocations: freeing
/// them one by one just before exit costs more than auditing a few dozen
/// pages, and the kernel takes the memory back anyway. The storage stays
/// reachable from a static pointer, so leak checkers do not report it.
template <class T>
T& keep_until_exit(T&& value) {
    static T* kept = nullptr;
    kept = new T(std::forward<T>(value));
    return *kept;
}

}  // namespace manaudit::cli
