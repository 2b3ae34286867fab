// libFuzzer target over the files a supplier or contract manager hands the toolkit: each input is read as an offers
// file (scored as `svtk evaluate` does), as commitments (against the shipped returns) and as returns (against the
// shipped commitments), monitored as `svtk monitor` does, and again behind each file's real header, so its rows
// reach the readers of quantities, marks and quarters.
//
// Built with `-DFUZZING -sanitize=fuzzer,address` (see `make fuzz`), libFuzzer drives the input.
// Built normally, this is a replayer: `fuzz-delivery FILE|FOLDER…` runs each input once.
import Catalogue
import Foundation
import FuzzSupport
import Recommender

/// The file each input is written to, as it is and behind a header.
let scratch = ScratchFile(suffix: ".csv")

/// The shipped catalogue, policy and highways contract with its commitments and returns, read once.
let shipped: (catalogue: Catalogue, policy: Policy, contract: ContractProfile)? = {
    guard let catalogue = try? Catalogue.load(), let policy = try? Policy.load(for: catalogue),
        let contract = try? ContractProfile.load("Datasets/contracts/highways_resurfacing.json")
    else { return nil }
    return (catalogue, policy, contract)
}()
let commitments = "Datasets/contracts/highways_commitments.csv"
let returns = "Datasets/contracts/highways_returns.csv"

/// The headers an input is read behind, the first byte choosing one (none for an even byte).
let headers = [
    "supplier,measure,quantity,qualitative_mark\n", "supplier,measure,quantity\n",
    "supplier,measure,quarter,delivered\n",
]

/// One input: as offers, commitments and returns, bare and behind a header.
func readOnce(_ input: UnsafeRawBufferPointer) {
    guard let (catalogue, policy, contract) = shipped else { return }
    let header = input.first.flatMap { $0 % 2 == 0 ? nil : headers[Int($0 / 2) % headers.count] } ?? ""
    var bytes = Array(header.utf8)
    bytes += input
    bytes.withUnsafeBytes { scratch.replace(with: $0) }
    _ = try? BidEvaluation(offersFile: scratch.path, contract: contract, catalogue: catalogue, policy: policy)
    _ = try? DeliveryMonitoring(
        contract: contract, commitments: scratch.path, returns: returns, catalogue: catalogue, policy: policy)
    _ = try? DeliveryMonitoring(
        contract: contract, commitments: commitments, returns: scratch.path, catalogue: catalogue, policy: policy)
}

#if FUZZING
    /// The entry point libFuzzer calls (with `-DFUZZING`): runs the fuzzer over offers, commitments and returns.
    @_cdecl("fuzz_delivery_main")
    public func fuzzDelivery(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
        runLibFuzzer(argc, argv, reading: readOnce)
    }
#else
    @main
    enum Replay {
        static func main() {
            guard shipped != nil else {
                print(
                    "fuzz-delivery: the shipped catalogue cannot be read (run from the repository, or set "
                        + "SVTK_DATASETS)")
                exit(1)
            }
            Replayer.replayCommandLine("fuzz-delivery", scratch: scratch, readOnce)
        }
    }
#endif
