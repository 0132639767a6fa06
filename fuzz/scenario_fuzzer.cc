// libFuzzer target: the input's bytes are a scenario file (fuzz/README.md).
//
// LoadScenario must turn any input into either a Scenario or an error message, never a crash,
// leak, hang or unbounded allocation. A scenario that loads is then run for a few days, so the
// engine is fuzzed on whatever a valid file can express.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "brink/scenario.h"
#include "fuzz_run.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  brink::Result<brink::Scenario> loaded = brink::LoadScenario(text, "fuzz.toml");
  brink_fuzz::Exercise(loaded);
  return 0;
}
