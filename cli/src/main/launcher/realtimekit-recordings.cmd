@echo off
rem realtimekit-recordings: runs the command-line tool from the jar beside this script, started from
rem what the JVM can keep of an earlier start: on JDK 25 and later (when JAVA_HOME names it), the JVM's
rem ahead-of-time cache, made once per jar and JVM under %LOCALAPPDATA%\realtimekit-recordings by a run
rem of the tool's usual commands the first time; on older JVMs, the class-data-sharing archive the build
rem made beside the jar (realtimekit-recordings.jsa). Whatever cannot be used, or made, the JVM starts
rem without, silently. JAVA_HOME chooses the JVM (else java on the PATH); JAVA_OPTS adds JVM options.
setlocal
set "dir=%~dp0"
set "jar=%dir%realtimekit-recordings.jar"
set "java=java"
rem Short commands need only the first-tier compiler; archive hashes every byte with SHA-256, which
rem only the optimising compiler does with the CPU's SHA instructions: it gets that one too, for the
rem loops that run longest.
set "jit=-XX:TieredStopAtLevel=1"
for %%a in (%*) do if /i "%%~a"=="archive" set "jit=-XX:TieredStopAtLevel=4 -XX:Tier4InvocationThreshold=100000 -XX:Tier4MinInvocationThreshold=100000 -XX:Tier4CompileThreshold=100000"
set "version="
set "major=0"
if not defined JAVA_HOME goto archive
set "java=%JAVA_HOME%\bin\java"
rem The JVM's version from its release file (JAVA_VERSION="25.0.1"), without starting it.
if not exist "%JAVA_HOME%\release" goto archive
for /f "usebackq tokens=1,* delims==" %%a in ("%JAVA_HOME%\release") do if "%%a"=="JAVA_VERSION" set "version=%%~b"
if not defined version goto archive
for /f "delims=.-+" %%m in ("%version%") do set "major=%%m"
if %major% LSS 25 goto archive
if not defined LOCALAPPDATA goto archive
if not exist "%jar%" goto archive

rem The cache is named after the JVM's version and directory and the jar's path, time and size: a jar
rem built again, or another JVM, gets a cache of its own (and the JVM checks both again).
for %%f in ("%jar%") do set "stamp=%%~tf-%%~zf"
set "key=%version%-%JAVA_HOME%-%jar%-%stamp%"
set "key=%key:\=-%"
set "key=%key:/=-%"
set "key=%key::=%"
set "key=%key: =_%"
set "cache_dir=%LOCALAPPDATA%\realtimekit-recordings"
set "cache=%cache_dir%\jdk-%key%.aot"
if exist "%cache%" goto cached
if not exist "%cache_dir%" mkdir "%cache_dir%" >nul 2>&1
if not exist "%cache_dir%" goto archive
set "partial=%cache%.%RANDOM%.partial"
"%java%" -XX:TieredStopAtLevel=1 -XX:AOTCacheOutput="%partial%" -Xlog:aot=off -Xlog:cds=off %JAVA_OPTS% -cp "%jar%" io.github.realtimekit.cli.ArchiveTraining <nul >nul 2>&1
if exist "%partial%" move /y "%partial%" "%cache%" >nul 2>&1
if exist "%partial%" del /q "%partial%" >nul 2>&1
if exist "%partial%.config" del /q "%partial%.config" >nul 2>&1
if not exist "%cache%" goto archive

:cached
"%java%" %jit% -XX:AOTCache="%cache%" -Xlog:aot=off -Xlog:cds=off %JAVA_OPTS% -jar "%jar%" %*
exit /b %ERRORLEVEL%

:archive
if exist "%dir%realtimekit-recordings.jsa" (
  "%java%" %jit% -XX:SharedArchiveFile="%dir%realtimekit-recordings.jsa" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off %JAVA_OPTS% -jar "%jar%" %*
) else (
  "%java%" %jit% %JAVA_OPTS% -jar "%jar%" %*
)
exit /b %ERRORLEVEL%
