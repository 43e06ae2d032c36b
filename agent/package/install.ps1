# Installs the Skyport agent on this Windows host. Needs Node.js 22 or later on
# PATH (https://nodejs.org); run PowerShell as Administrator in the unpacked
# download:   .\install.ps1
# Removes it: .\install.ps1 -Uninstall
# Files go to "C:\Program Files\SkyportAgent"; a scheduled task runs the agent
# as SYSTEM at startup and restarts it if it fails. HTTPS_PROXY, HTTP_PROXY and
# NO_PROXY set in this session are kept for it.
param([switch]$Uninstall)
$ErrorActionPreference = "Stop"
$dir = Join-Path $env:ProgramFiles "SkyportAgent"
$task = "SkyportAgent"

if ($Uninstall) {
  Stop-ScheduledTask -TaskName $task -ErrorAction SilentlyContinue
  Unregister-ScheduledTask -TaskName $task -Confirm:$false -ErrorAction SilentlyContinue
  Remove-Item -Recurse -Force $dir -ErrorAction SilentlyContinue
  Write-Host "Skyport agent removed. (Revoke it in the Skyport console to forget this host there.)"
  exit 0
}

$node = (Get-Command node -ErrorAction SilentlyContinue).Source
if (-not $node) { throw "Node.js 22 or later is needed on PATH: https://nodejs.org" }
$major = [int]((& $node --version).TrimStart("v").Split(".")[0])
if ($major -lt 22) { throw "Node.js 22 or later is needed (found $major)" }

New-Item -ItemType Directory -Force -Path $dir | Out-Null
Copy-Item -Force (Join-Path $PSScriptRoot "skyport-agent.cjs"), (Join-Path $PSScriptRoot "config.json"), (Join-Path $PSScriptRoot "install.ps1") $dir
# only SYSTEM and Administrators may read the enrolment token and, later, the agent's secret
icacls $dir /inheritance:r /grant:r "SYSTEM:(OI)(CI)F" "Administrators:(OI)(CI)F" | Out-Null

$proxy = ""
foreach ($v in "HTTPS_PROXY", "HTTP_PROXY", "NO_PROXY") {
  $val = [Environment]::GetEnvironmentVariable($v)
  if ($val) { $proxy += "set $v=$val&& " }
}
$agent = Join-Path $dir "skyport-agent.cjs"
$action = New-ScheduledTaskAction -Execute "cmd.exe" -Argument "/c $proxy`"$node`" `"$agent`"" -WorkingDirectory $dir
$trigger = New-ScheduledTaskTrigger -AtStartup
$settings = New-ScheduledTaskSettingsSet -RestartCount 999 -RestartInterval (New-TimeSpan -Minutes 1) -ExecutionTimeLimit ([TimeSpan]::Zero)
Register-ScheduledTask -TaskName $task -Action $action -Trigger $trigger -Settings $settings -User "SYSTEM" -RunLevel Highest -Force | Out-Null
Start-ScheduledTask -TaskName $task
Write-Host "Skyport agent installed and started (log: $dir\agent.log)."
