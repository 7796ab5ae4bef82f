import { fuzzSweep } from './fixtures/fuzz-sweep.ts'

// Every route with bad input, part 2 of 4: test/fixtures/fuzz-sweep.ts says what and why.
fuzzSweep(2, 4)
