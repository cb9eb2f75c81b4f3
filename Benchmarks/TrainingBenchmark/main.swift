import Foundation
import Generation

let info = try BLAS.info()
print("BLAS: \(info)")
