// Work spread over the machine's cores, for loops whose iterations are independent.
#pragma once

#include <cstddef>
#include <functional>

namespace ocop {

// Runs work(i) for i in [0, count) on up to the machine's cores (the calling thread is one
// of them). Each i is computed on its own, so results do not depend on the number of
// threads. The first exception thrown (std::bad_alloc on a huge scan) is rethrown here after
// every worker has stopped.
void parallel_for(std::size_t count, const std::function<void(std::size_t)>& work);

}  // namespace ocop
