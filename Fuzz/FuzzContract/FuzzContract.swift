// libFuzzer target over the JSON readers (a contract profile, then every check against the shipped contract
// limits; ward boundaries as GeoJSON) and the proxy-formula parser and evaluator (the input as a formula over
// the open values).
//
// Built with `-DFUZZING -sanitize=fuzzer,address` (see `make fuzz`), libFuzzer drives `LLVMFuzzerTestOneInput`.
// Built normally, this is a replayer: `fuzz-contract FILE|FOLDER…` runs each input once.
import Catalogue
import Foundation
import FuzzSupport
import Geography
import Recommender

/// The file each input is written to.
let scratch = ScratchFile(suffix: ".json")

/// The shipped catalogue (contract limits, frameworks and open values), read once.
let catalogue: Catalogue? = try? Catalogue.load()

/// One input: as a contract profile file, as ward boundaries, and as a proxy formula.
func readOnce(_ input: UnsafeRawBufferPointer) {
    scratch.replace(with: input)
    if let profile = try? ContractProfile.load(scratch.path), let catalogue {
        _ = try? profile.validate(file: scratch.path, catalogue: catalogue)
    }
    _ = try? Boundaries(path: scratch.path)
    let text = String(decoding: input, as: UTF8.self)
    _ = try? ProxyFormula(text).evaluate(catalogue?.openValues.mapValues(\.value) ?? [:])
}

#if FUZZING
    /// The entry point libFuzzer calls (with `-DFUZZING`): runs the fuzzer over contract profiles and formulas.
    @_cdecl("fuzz_contract_main")
    public func fuzzContract(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
        runLibFuzzer(argc, argv, reading: readOnce)
    }
#else
    @main
    enum Replay {
        static func main() {
            guard catalogue != nil else {
                print(
                    "fuzz-contract: the shipped catalogue cannot be read (run from the repository, or set "
                        + "SVTK_DATASETS)"
                )
                exit(1)
            }
            Replayer.replayCommandLine("fuzz-contract", scratch: scratch, readOnce)
        }
    }
#endif
