@echo off
rem realtimekit-recordings: runs the command-line tool from the jar beside this script, started from
rem the class-data-sharing archive the build made for it (realtimekit-recordings.jsa) when the JVM can
rem use it; when it cannot, the JVM starts without it, silently. JAVA_HOME chooses the JVM (else java
rem on the PATH); JAVA_OPTS adds JVM options.
setlocal
set "dir=%~dp0"
set "java=java"
if defined JAVA_HOME set "java=%JAVA_HOME%\bin\java"
rem Short commands need only the first-tier compiler; archive hashes every byte with SHA-256, which
rem only the optimising compiler does with the CPU's SHA instructions: it gets that one too, for the
rem loops that run longest.
set "jit=-XX:TieredStopAtLevel=1"
for %%a in (%*) do if /i "%%~a"=="archive" set "jit=-XX:TieredStopAtLevel=4 -XX:Tier4InvocationThreshold=100000 -XX:Tier4MinInvocationThreshold=100000 -XX:Tier4CompileThreshold=100000"
if exist "%dir%realtimekit-recordings.jsa" (
  "%java%" %jit% -XX:SharedArchiveFile="%dir%realtimekit-recordings.jsa" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off %JAVA_OPTS% -jar "%dir%realtimekit-recordings.jar" %*
) else (
  "%java%" %jit% %JAVA_OPTS% -jar "%dir%realtimekit-recordings.jar" %*
)
exit /b %ERRORLEVEL%
