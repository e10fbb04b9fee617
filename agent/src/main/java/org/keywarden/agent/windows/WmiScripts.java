package org.keywarden.agent.windows;

import java.util.regex.Pattern;
import org.keywarden.client.Guids;

/**
 * The PowerShell scripts the agent runs, one per operation, over WMI ({@code Win32_EncryptableVolume},
 * {@code Win32_Tpm}, CIM classes of the machine) rather than the BitLocker cmdlets, which print the recovery
 * password of every protector when only a listing is wanted. Each prints one JSON value ({@link #WRITE_JSON}:
 * {@code ConvertTo-Json -InputObject @(...) -Depth 4 -Compress}, so one volume is still an array, in ASCII) and
 * carries every method's {@code ReturnValue}; a terminating error is printed on standard error as its
 * message, its {@code FullyQualifiedErrorId} (where a CIM error keeps its WMI code) and HRESULT, with exit
 * code 1. A volume whose listing fails is printed with its {@code ListingError} instead of its protectors. Only GUIDs and checked names are put into a script.
 */
final class WmiScripts {
    static final String VOLUMES = "volumes";
    static final String PASSWORD = "password";
    static final String KEY_PACKAGE = "keypackage";
    static final String ADD = "add";
    static final String DELETE = "delete";
    static final String TPM = "tpm";
    static final String MACHINE = "machine";
    static final String TASK_INTERVAL = "task-interval";

    private static final String NAMESPACE = "root\\CIMV2\\Security\\MicrosoftVolumeEncryption";
    /** Task Scheduler's longest repetition interval: 31 days. */
    static final int MAX_REPETITION_MINUTES = 31 * 24 * 60;
    private static final Pattern TASK_NAME = Pattern.compile("[A-Za-z0-9 ._-]{1,100}");

    private WmiScripts() {
    }

    static String volumes() {
        return guarded("$result = foreach ($v in @(Get-CimInstance -Namespace '" + NAMESPACE
                + "' -ClassName Win32_EncryptableVolume)) {\n"
                + "  try {\n"
                + "    $ids = Invoke-CimMethod -InputObject $v -MethodName GetKeyProtectors -Arguments @{KeyProtectorType = [uint32]0}\n"
                + "    $protectors = @()\n"
                + "    if ($ids.ReturnValue -eq 0) {\n"
                + "      $protectors = foreach ($id in @($ids.VolumeKeyProtectorID | Where-Object { $_ })) {\n"
                + "        $t = Invoke-CimMethod -InputObject $v -MethodName GetKeyProtectorType -Arguments @{VolumeKeyProtectorID = $id}\n"
                + "        [pscustomobject]@{ KeyProtectorId = $id; KeyProtectorType = $t.KeyProtectorType; ReturnValue = $t.ReturnValue }\n"
                + "      }\n"
                + "    }\n"
                + "    $lock = Invoke-CimMethod -InputObject $v -MethodName GetLockStatus\n"
                + "    $c = Invoke-CimMethod -InputObject $v -MethodName GetConversionStatus -Arguments @{PrecisionFactor = [uint32]0}\n"
                + "    $m = Invoke-CimMethod -InputObject $v -MethodName GetEncryptionMethod\n"
                + "    $p = Invoke-CimMethod -InputObject $v -MethodName GetProtectionStatus\n"
                + "    [pscustomobject]@{ DeviceID = $v.DeviceID; DriveLetter = $v.DriveLetter; VolumeType = $v.VolumeType;\n"
                + "      LockStatus = $lock.LockStatus; EncryptionMethod = $m.EncryptionMethod; ConversionStatus = $c.ConversionStatus;\n"
                + "      ConversionReturnValue = $c.ReturnValue; ProtectionStatus = $p.ProtectionStatus;\n"
                + "      KeyProtectorsReturnValue = $ids.ReturnValue; KeyProtectors = @($protectors) }\n"
                + "  } catch {\n"
                // one volume that cannot be read must not hide the others; its protectors are unknown, not none
                + "    [pscustomobject]@{ DeviceID = $v.DeviceID; DriveLetter = $v.DriveLetter; VolumeType = $v.VolumeType;\n"
                + "      ListingError = ('{0} ({1})' -f $_.Exception.Message, $_.FullyQualifiedErrorId) }\n"
                + "  }\n"
                + "}\n"
                + "Write-Json @($result)\n");
    }

    static String password(String volumeId, String protectorId) {
        return onVolume(volumeId, "$r = Invoke-CimMethod -InputObject $v -MethodName GetKeyProtectorNumericalPassword"
                + " -Arguments @{VolumeKeyProtectorID = '" + braced(protectorId) + "'}\n"
                + "$out = [pscustomobject]@{ Found = $true; ReturnValue = $r.ReturnValue; NumericalPassword = $r.NumericalPassword }\n");
    }

    static String keyPackage(String volumeId, String protectorId) {
        return onVolume(volumeId, "$r = Invoke-CimMethod -InputObject $v -MethodName GetKeyPackage"
                + " -Arguments @{VolumeKeyProtectorID = '" + braced(protectorId) + "'}\n"
                + "$package = if ($r.ReturnValue -eq 0 -and $r.KeyPackage) { [Convert]::ToBase64String([byte[]]$r.KeyPackage) } else { $null }\n"
                + "$out = [pscustomobject]@{ Found = $true; ReturnValue = $r.ReturnValue; KeyPackage = $package }\n");
    }

    static String addRecoveryPassword(String volumeId) {
        return onVolume(volumeId, "$r = Invoke-CimMethod -InputObject $v -MethodName ProtectKeyWithNumericalPassword\n"
                + "$out = [pscustomobject]@{ Found = $true; ReturnValue = $r.ReturnValue; VolumeKeyProtectorID = $r.VolumeKeyProtectorID }\n");
    }

    static String delete(String volumeId, String protectorId) {
        return onVolume(volumeId, "$r = Invoke-CimMethod -InputObject $v -MethodName DeleteKeyProtector"
                + " -Arguments @{VolumeKeyProtectorID = '" + braced(protectorId) + "'}\n"
                + "$out = [pscustomobject]@{ Found = $true; ReturnValue = $r.ReturnValue }\n");
    }

    static String tpmOwnerAuth() {
        return guarded("$tpm = Get-CimInstance -Namespace 'root\\CIMV2\\Security\\MicrosoftTpm' -ClassName Win32_Tpm"
                + " -ErrorAction SilentlyContinue\n"
                + "if (-not $tpm) { $out = [pscustomobject]@{ Present = $false } } else {\n"
                + "  $r = Invoke-CimMethod -InputObject $tpm -MethodName GetOwnerAuth\n"
                + "  $out = [pscustomobject]@{ Present = $true; ReturnValue = $r.ReturnValue; OwnerAuth = $r.OwnerAuth } }\n"
                + "Write-Json $out\n");
    }

    static String machine() {
        return guarded("$cs = Get-CimInstance -ClassName Win32_ComputerSystem\n"
                + "$os = Get-CimInstance -ClassName Win32_OperatingSystem\n"
                + "$bios = Get-CimInstance -ClassName Win32_BIOS\n"
                + "$out = [pscustomobject]@{ Name = $cs.Name; Domain = $cs.Domain; PartOfDomain = $cs.PartOfDomain;"
                + " UserName = $cs.UserName; SerialNumber = $bios.SerialNumber; OsVersion = $os.Version }\n"
                + "Write-Json $out\n");
    }

    /** Sets the repetition of the agent's scheduled task to the server's check-in interval (1 minute to 31 days). */
    static String taskInterval(String taskPath, String taskName, int minutes) {
        if (!TASK_NAME.matcher(taskName).matches() || !TASK_NAME.matcher(taskPath).matches()) {
            throw new IllegalArgumentException("scheduled task names may hold only letters, digits, space, . _ -");
        }
        if (minutes < 1 || minutes > MAX_REPETITION_MINUTES) {
            throw new IllegalArgumentException("a scheduled task repeats every 1 to " + MAX_REPETITION_MINUTES + " minutes");
        }
        return guarded("$every = New-ScheduledTaskTrigger -Once -At (Get-Date).AddMinutes(" + minutes + ")"
                + " -RepetitionInterval (New-TimeSpan -Minutes " + minutes + ")\n"
                + "$atStart = New-ScheduledTaskTrigger -AtStartup\n"
                + "Set-ScheduledTask -TaskPath '\\" + taskPath + "\\' -TaskName '" + taskName + "'"
                + " -Trigger @($atStart, $every) | Out-Null\n"
                + "Write-Json ([pscustomobject]@{ IntervalMinutes = " + minutes + " })\n");
    }

    private static String onVolume(String volumeId, String body) {
        return guarded("$v = @(Get-CimInstance -Namespace '" + NAMESPACE + "' -ClassName Win32_EncryptableVolume"
                + " | Where-Object { $_.DeviceID -like '*" + braced(volumeId) + "*' }) | Select-Object -First 1\n"
                + "if (-not $v) { $out = [pscustomobject]@{ Found = $false } } else {\n" + body + "}\n"
                + "Write-Json $out\n");
    }

    /**
     * Prints a value as one line of JSON in ASCII only (every other character as {@code \\uXXXX}), so that no
     * console code page can garble a name: the output is the same whatever encoding PowerShell writes in.
     */
    static final String WRITE_JSON = "function Write-Json($value) {\n"
            + "  $json = ConvertTo-Json -InputObject $value -Depth 4 -Compress\n"
            + "  [Console]::Out.Write([regex]::Replace($json, '[^\\x00-\\x7F]', { param($m) '\\u{0:x4}' -f [int][char]$m.Value }))\n"
            + "}\n";

    private static String guarded(String body) {
        return WRITE_JSON + "try {\n" + body + "} catch {\n"
                // a CimException carries its WMI code only in FullyQualifiedErrorId ("HRESULT 0x80041003,...")
                + "  [Console]::Error.WriteLine(('{0} ({1}) (HRESULT 0x{2:X8})' -f $_.Exception.Message, $_.FullyQualifiedErrorId,"
                + " $_.Exception.HResult))\n"
                + "  exit 1\n}\n";
    }

    private static String braced(String guid) {
        return "{" + Guids.normalize(guid) + "}";
    }
}
