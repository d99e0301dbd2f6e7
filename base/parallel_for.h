// The one worker pool: a loop over indexes spread on a few threads.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <type_traits>
#include <vector>

namespace manaudit {

/// Threads to use for `count` jobs when `jobs` are asked for (0 or less:
/// one per hardware thread): at least 1, at most `count` and 64.
inline std::size_t worker_count(int jobs, std::size_t count) {
    std::size_t wanted = jobs > 0 ? static_cast<std::size_t>(jobs) : std::thread::hardware_concurrency();
    return std::clamp<std::size_t>(std::min<std::size_t>({wanted, count, 64}), 1, 64);
}

/// Calls job(i) -- or job(i, worker) when the job takes a worker number in
/// [0, worker_count) for per-thread state -- once for every i in
/// [0, count), on up to `jobs` threads, the caller's among them. Returns when
/// every job is done. Jobs share nothing but what their index selects.
template <class Job>
void parallel_for(std::size_t count, int jobs, Job&& job) {
    std::atomic<std::size_t> next{0};
    auto work = [&](std::size_t worker) {
        for (std::size_t i = next++; i < count; i = next++) {
            if constexpr (std::is_invocable_v<Job&, std::size_t, std::size_t>) job(i, worker);
            else job(i);
        }
    };
    const std::size_t workers = worker_count(jobs, count);
    std::vector<std::jthread> threads;
    for (std::size_t w = 1; w < workers; ++w) threads.emplace_back(work, w);
    work(0);
}

}  // namespace manaudit
