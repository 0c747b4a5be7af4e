#!/usr/bin/env pwsh
# PlaceSimulation's PowerShell entry point: a thin wrapper over the placesim CLI.
#
#   ./run.ps1                                  the headline scenario: run scenarios/offset.yaml --out out/offset
#   ./run.ps1 run scenarios/sanctions.yaml     any placesim command; the arguments pass through unchanged
#   ./run.ps1 validate scenarios/offset.yaml
#
# It works from any folder: the project and the headline scenario are found next to this
# script (other paths are relative to the current folder, as for placesim itself). It exits
# with the CLI's exit code: 0 success, 1 the run failed, 2 bad input.

$project = "$PSScriptRoot/src/PlaceSimulation.Cli"

# '--' is quoted so that every PowerShell passes it on to dotnet rather than taking it as
# its own end-of-parameters marker.
if ($args.Count -eq 0) {
    & dotnet run --project $project -c Release '--' run "$PSScriptRoot/scenarios/offset.yaml" --out "$PSScriptRoot/out/offset"
}
else {
    & dotnet run --project $project -c Release '--' @args
}
exit $LASTEXITCODE
