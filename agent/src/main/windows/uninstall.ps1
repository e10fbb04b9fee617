<#
.SYNOPSIS
    Removes the Keywarden agent's scheduled task and program. The state directory (device id and token)
    stays unless -RemoveState is given: reinstalling then keeps the PC's device record.

.DESCRIPTION
    Run from an elevated 64-bit PowerShell. Uninstalling does not touch BitLocker: every protector stays
    on its volume and every escrowed key stays on the server.
#>
[CmdletBinding()]
param(
    [string] $InstallDirectory = (Join-Path $env:ProgramFiles 'Keywarden\Agent'),
    [string] $StateDirectory = (Join-Path $env:ProgramData 'Keywarden\Agent'),
    [ValidatePattern('^[A-Za-z0-9 ._-]{1,100}$')] [string] $TaskName = 'Keywarden Agent',
    [switch] $RemoveState
)
$ErrorActionPreference = 'Stop'
$principal = New-Object Security.Principal.WindowsPrincipal([Security.Principal.WindowsIdentity]::GetCurrent())
if (-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
    Write-Error 'Run uninstall.ps1 from an elevated PowerShell (as an administrator).' -ErrorAction Continue
    exit 1
}
$task = Get-ScheduledTask -TaskPath '\Keywarden\' -TaskName $TaskName -ErrorAction SilentlyContinue
if ($task) {
    Stop-ScheduledTask -TaskPath '\Keywarden\' -TaskName $TaskName -ErrorAction SilentlyContinue
    Unregister-ScheduledTask -TaskPath '\Keywarden\' -TaskName $TaskName -Confirm:$false
    Write-Output "Removed scheduled task \Keywarden\$TaskName."
}
if (Test-Path -LiteralPath $InstallDirectory) {
    Remove-Item -LiteralPath $InstallDirectory -Recurse -Force
    Write-Output "Removed $InstallDirectory."
}
if ($RemoveState -and (Test-Path -LiteralPath $StateDirectory)) {
    Remove-Item -LiteralPath $StateDirectory -Recurse -Force
    Write-Output "Removed $StateDirectory (the device token is gone; a reinstalled agent enrolls as a new device)."
} elseif (Test-Path -LiteralPath $StateDirectory) {
    Write-Output "Kept $StateDirectory (device id and token); remove it with -RemoveState."
}
