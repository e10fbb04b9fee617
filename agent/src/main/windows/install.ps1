<#
.SYNOPSIS
    Installs the Keywarden agent on this PC: a scheduled task that runs as SYSTEM at start-up and every
    90 minutes (the server's check-in interval wins after the first check-in).

.DESCRIPTION
    Run from an elevated 64-bit PowerShell, in the folder that holds keywarden-agent-cli.jar (for example
    from a software-distribution package). Needs a 64-bit Java 17 (or later) runtime.

    The agent's state (device id, device token, escrow records, log) goes to -StateDirectory, by default
    %ProgramData%\Keywarden\Agent, readable by SYSTEM and the Administrators group only. The enrollment
    secret is left there for the first run, which deletes it once the PC has enrolled.

    The server's TLS certificate is verified: by Windows' trust store as Java sees it, a -TrustStore file,
    or a pinned -ServerCertificateSha256 fingerprint (a self-signed Keywarden prints it at start and
    writes it to <data dir>/tls/certificate.sha256). There is no way to turn verification off here.

.EXAMPLE
    .\install.ps1 -Server https://keywarden.corp.example.com -EnrollmentSecretFile \\fs\deploy\keywarden-secret.txt

.EXAMPLE
    .\install.ps1 -Server https://keywarden.corp.example.com:8443 -ServerCertificateSha256 3F:9A:...:01 `
        -EnrollmentSecret (Read-Host -AsSecureString 'Enrollment secret')
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)] [string] $Server,
    [string] $EnrollmentSecretFile,
    [securestring] $EnrollmentSecret,
    [string] $ServerCertificateSha256,
    [string] $TrustStore,
    [string] $Java,
    [string] $InstallDirectory = (Join-Path $env:ProgramFiles 'Keywarden\Agent'),
    [string] $StateDirectory = (Join-Path $env:ProgramData 'Keywarden\Agent'),
    [ValidateRange(5, 1440)] [int] $IntervalMinutes = 90,
    [ValidatePattern('^[A-Za-z0-9 ._-]{1,100}$')] [string] $TaskName = 'Keywarden Agent'
)
$ErrorActionPreference = 'Stop'
$TaskPath = '\Keywarden\'

function Fail([string] $message) {
    Write-Error $message -ErrorAction Continue
    exit 1
}

# 1. An elevated 64-bit PowerShell (a 32-bit one would be redirected to SysWOW64).
$principal = New-Object Security.Principal.WindowsPrincipal([Security.Principal.WindowsIdentity]::GetCurrent())
if (-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
    Fail 'Run install.ps1 from an elevated PowerShell (as an administrator).'
}
if (-not [Environment]::Is64BitProcess) {
    Fail 'Run install.ps1 from the 64-bit PowerShell (not the one in SysWOW64).'
}

# 2. The server: https, or http to this machine only (the agent refuses anything else).
$uri = $null
if (-not [Uri]::TryCreate($Server, [UriKind]::Absolute, [ref] $uri) -or ($uri.Scheme -ne 'https' -and -not ($uri.Scheme -eq 'http' -and $uri.IsLoopback))) {
    Fail "-Server must be an https:// URL (http:// only to this machine), not '$Server'."
}
if ($ServerCertificateSha256) {
    $ServerCertificateSha256 = $ServerCertificateSha256 -replace '[:\s]', ''
    if ($ServerCertificateSha256 -notmatch '^[0-9A-Fa-f]{64}$') {
        Fail '-ServerCertificateSha256 must be 64 hexadecimal digits (colons allowed).'
    }
}
# Only the parsed URL goes on the task's command line (no quote in it can add an argument).
$Server = $uri.AbsoluteUri.TrimEnd('/')
$InstallDirectory = $InstallDirectory.TrimEnd('\')
$StateDirectory = $StateDirectory.TrimEnd('\')
if ($TrustStore -and -not (Test-Path -LiteralPath $TrustStore -PathType Leaf)) {
    Fail "-TrustStore '$TrustStore' does not exist."
}

# 3. A 64-bit Java 17 or later.
if (-not $Java) {
    if ($env:JAVA_HOME -and (Test-Path (Join-Path $env:JAVA_HOME 'bin\java.exe'))) {
        $Java = Join-Path $env:JAVA_HOME 'bin\java.exe'
    } else {
        $found = Get-Command java.exe -ErrorAction SilentlyContinue
        if (-not $found) { Fail 'No Java found: install a 64-bit Java 17 runtime, or pass -Java C:\path\to\java.exe.' }
        $Java = $found.Source
    }
}
# Java prints these settings on stderr; in Windows PowerShell 5.1 redirected native stderr becomes error
# records, which would stop this script under 'Stop': read them as text with 'Continue'.
$ErrorActionPreference = 'Continue'
$settings = (& $Java -XshowSettings:properties -version 2>&1 | ForEach-Object { "$_" }) -join "`n"
$javaExit = $LASTEXITCODE
$ErrorActionPreference = 'Stop'
if ($javaExit -ne 0) { Fail "$Java -version failed (exit code $javaExit)." }
$specification = [regex]::Match($settings, 'java\.specification\.version = (\d+)').Groups[1].Value
$bits = [regex]::Match($settings, 'sun\.arch\.data\.model = (\d+)').Groups[1].Value
if (-not $specification -or [int] $specification -lt 17) { Fail "$Java is not Java 17 or later (found '$specification')." }
if ($bits -ne '64') { Fail "$Java is a $bits-bit Java; the agent needs a 64-bit one." }

# 4. The enrollment secret (not needed again when this PC is enrolled already: a reinstall keeps its record).
$enrolled = Test-Path -LiteralPath (Join-Path $StateDirectory 'device-token')
if ($EnrollmentSecretFile -and $EnrollmentSecret) { Fail 'Give -EnrollmentSecretFile or -EnrollmentSecret, not both.' }
$plain = $null
if ($EnrollmentSecretFile) {
    $plain = [string] (Get-Content -LiteralPath $EnrollmentSecretFile -Raw)
    $plain = $plain.Trim()
} elseif ($EnrollmentSecret -or -not $enrolled) {
    if (-not $EnrollmentSecret) {
        if (-not [Environment]::UserInteractive) { Fail 'Give -EnrollmentSecretFile or -EnrollmentSecret (no one can be asked here).' }
        $EnrollmentSecret = Read-Host -AsSecureString 'Keywarden enrollment secret'
    }
    $bstr = [Runtime.InteropServices.Marshal]::SecureStringToBSTR($EnrollmentSecret)
    try { $plain = [Runtime.InteropServices.Marshal]::PtrToStringBSTR($bstr) } finally { [Runtime.InteropServices.Marshal]::ZeroFreeBSTR($bstr) }
}
if (-not $enrolled -and -not $plain) { Fail 'The enrollment secret is empty.' }

# 5. The program, and the state directory for SYSTEM and Administrators only (by SID: group names are localized).
$jar = Join-Path $PSScriptRoot 'keywarden-agent-cli.jar'
if (-not (Test-Path -LiteralPath $jar)) { Fail "keywarden-agent-cli.jar is not beside install.ps1 ($jar)." }
New-Item -ItemType Directory -Force -Path $InstallDirectory | Out-Null
Copy-Item -LiteralPath $jar -Destination $InstallDirectory -Force
New-Item -ItemType Directory -Force -Path $StateDirectory | Out-Null
# Standard users may create folders in ProgramData: whoever made this one first must not keep it. The owner
# becomes Administrators, every entry is replaced by SYSTEM and Administrators (inherited by what is inside),
# and what is inside is reset to inherit only that.
$system = New-Object Security.Principal.SecurityIdentifier('S-1-5-18')
$admins = New-Object Security.Principal.SecurityIdentifier('S-1-5-32-544')
$acl = New-Object Security.AccessControl.DirectorySecurity
$acl.SetOwner($admins)
$acl.SetAccessRuleProtection($true, $false)
foreach ($sid in @($system, $admins)) {
    $acl.AddAccessRule((New-Object Security.AccessControl.FileSystemAccessRule($sid, 'FullControl',
        'ContainerInherit, ObjectInherit', 'None', 'Allow')))
}
Set-Acl -LiteralPath $StateDirectory -AclObject $acl
if (Get-ChildItem -LiteralPath $StateDirectory -Force) {
    & icacls.exe (Join-Path $StateDirectory '*') /reset /T /C /Q | Out-Null
    if ($LASTEXITCODE -ne 0) { Fail "icacls could not reset the permissions inside $StateDirectory (exit code $LASTEXITCODE)." }
}
if ($plain) {
    [IO.File]::WriteAllText((Join-Path $StateDirectory 'enrollment-secret'), $plain, (New-Object Text.UTF8Encoding $false))
}
$plain = $null
# A reinstalled task starts from -IntervalMinutes again: let the agent set it to the server's at its next run.
Remove-Item -LiteralPath (Join-Path $StateDirectory 'run.json') -Force -ErrorAction SilentlyContinue

# 6. The scheduled task: SYSTEM, highest privileges, at start-up and every $IntervalMinutes minutes. It runs
#    $Java as SYSTEM: that Java must be installed where only administrators can write (Program Files).
$arguments = @('-jar', ('"{0}"' -f (Join-Path $InstallDirectory 'keywarden-agent-cli.jar')),
    '--server', ('"{0}"' -f $Server), '--state', ('"{0}"' -f $StateDirectory), '--bitlocker', 'WINDOWS',
    '--log-file', ('"{0}"' -f (Join-Path $StateDirectory 'logs\agent.log')))
if ($ServerCertificateSha256) { $arguments += @('--server-certificate-sha256', $ServerCertificateSha256) }
if ($TrustStore) {
    Copy-Item -LiteralPath $TrustStore -Destination (Join-Path $StateDirectory 'trust-store') -Force
    $arguments += @('--trust-store', ('"{0}"' -f (Join-Path $StateDirectory 'trust-store')))
}
$arguments += @('run', '--scheduled-task', ('"{0}"' -f $TaskName))

$action = New-ScheduledTaskAction -Execute ('"{0}"' -f $Java) -Argument ($arguments -join ' ') -WorkingDirectory $InstallDirectory
$triggers = @((New-ScheduledTaskTrigger -AtStartup),
    (New-ScheduledTaskTrigger -Once -At (Get-Date).AddMinutes(1) -RepetitionInterval (New-TimeSpan -Minutes $IntervalMinutes)))
$runAs = New-ScheduledTaskPrincipal -UserId 'S-1-5-18' -LogonType ServiceAccount -RunLevel Highest
$options = New-ScheduledTaskSettingsSet -StartWhenAvailable -MultipleInstances IgnoreNew -AllowStartIfOnBatteries `
    -DontStopIfGoingOnBatteries -ExecutionTimeLimit (New-TimeSpan -Minutes 30) -RestartCount 3 `
    -RestartInterval (New-TimeSpan -Minutes 10)
Register-ScheduledTask -TaskPath $TaskPath -TaskName $TaskName -Action $action -Trigger $triggers -Principal $runAs `
    -Settings $options -Description 'Escrows this PC''s BitLocker recovery keys to Keywarden and rotates them on request.' `
    -Force | Out-Null

# 7. The first run now.
Start-ScheduledTask -TaskPath $TaskPath -TaskName $TaskName
Write-Output "Keywarden agent installed: task $TaskPath$TaskName (as SYSTEM), state in $StateDirectory,"
Write-Output "log in $(Join-Path $StateDirectory 'logs\agent.log'). The first run has started."
