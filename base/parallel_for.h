// The one worker pool: a loop over indexes spread on a few threads.
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
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

namespace detail {

/// Runs `task` on one of the process's worker threads: one that is idle,
/// else one started now, up to one per hardware thread (then it waits for
/// one). The threads are kept until the process ends, so a run of several
/// loops starts each thread (and its allocator heap) once.
void run_on_worker(std::function<void()> task);

/// How many worker threads the process has started so far.
std::size_t workers_started();

}  // namespace detail

/// Calls job(i) -- or job(i, worker) when the job takes a worker number in
/// [0, worker_count) for per-thread state -- once for every i in
/// [0, count), on up to `jobs` threads, the caller's among them (helpers
/// come from the process's worker threads; the caller works on without the
/// ones none is free for). Returns when every job is done. Jobs share
/// nothing but what their index selects.
template <class Job>
void parallel_for(std::size_t count, int jobs, Job&& job) {
    // What the caller and its helpers share. A helper that starts after the
    // loop has closed touches nothing but this, which it holds a share of.
    struct Loop {
        std::atomic<std::size_t> next{0};
        std::mutex mutex;
        std::condition_variable idle;
        std::size_t running = 0;  ///< helpers inside work()
        bool closed = false;      ///< no helper may start work() any more
    };
    const auto loop = std::make_shared<Loop>();
    auto work = [&job, count, &next = loop->next](std::size_t worker) {
        for (std::size_t i = next++; i < count; i = next++) {
            if constexpr (std::is_invocable_v<Job&, std::size_t, std::size_t>) job(i, worker);
            else job(i);
        }
    };
    // Closes the loop and waits for the helpers in it, also when the
    // caller's own share of the work throws: they use the caller's frame.
    struct CloseOnExit {
        Loop& loop;
        ~CloseOnExit() {
            std::unique_lock lock(loop.mutex);
            loop.closed = true;
            loop.idle.wait(lock, [&] { return loop.running == 0; });
        }
    } close_on_exit{*loop};
    const std::size_t workers = worker_count(jobs, count);
    for (std::size_t w = 1; w < workers; ++w)
        detail::run_on_worker([loop, &work, w] {
            {
                std::lock_guard lock(loop->mutex);
                if (loop->closed) return;
                ++loop->running;
            }
            work(w);
            {
                std::lock_guard lock(loop->mutex);
                --loop->running;
            }
            loop->idle.notify_all();
        });
    work(0);
}

/// Indexes 0 to count - 1, the largest `size_of(i)` first (equal ones in
/// index order): the order to hand uneven items to parallel_for in, so that
/// no worker is left with a large one while the others are done.
template <class SizeOf>
std::vector<std::size_t> largest_first(std::size_t count, SizeOf&& size_of) {
    std::vector<std::size_t> order(count);
    for (std::size_t i = 0; i < count; ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return size_of(a) > size_of(b); });
    return order;
}

}  // namespace manaudit
